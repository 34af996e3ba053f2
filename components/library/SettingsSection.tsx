import { useState } from 'preact/hooks';
import { normalizeSite, withSiteMode, type SiteMode } from '../../lib/settings';
import { CollectSwitch, HighlightSwitch, SiteRules } from '../SettingsView';
import { Switch } from '../ui/Switch';
import { useSettings } from '../useSettings';

/** All settings on one page (the library's Settings and the extension's options page). */
export function SettingsSection() {
  const { settings, update } = useSettings();
  const [site, setSite] = useState('');
  const [mode, setMode] = useState<Exclude<SiteMode, 'always'>>('never');
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;
  return (
    <div class="qm-lib__page">
      <div>
        <h2 class="qm-page-title">Settings</h2>
        <div class="qm-card">
          <CollectSwitch settings={settings} update={update} />
          <HighlightSwitch settings={settings} update={update} />
          <Switch
            label="Collect in private windows"
            hint={settings.privateWindows ? 'On: articles read in private windows are kept too (where the browser lets Quotemark run in them).' : 'Off: nothing is kept from private windows, even where the browser lets Quotemark run in them.'}
            checked={settings.privateWindows}
            onChange={(on) => update((s) => ({ ...s, privateWindows: on }))}
          />
        </div>
        <h3 class="qm-card__title">Sites</h3>
        <div class="qm-card">
          <SiteRules settings={settings} update={update} />
          <form
            class="qm-row"
            onSubmit={async (e) => {
              e.preventDefault();
              const key = normalizeSite(site);
              if (!key) {
                setError('Type a site’s address, like example.com.');
                return;
              }
              setError(null);
              await update((s) => withSiteMode(s, key, mode));
              setSite('');
            }}
          >
            <div class="qm-field" style={{ flex: 1 }}>
              <label for="qm-rule-site">Site</label>
              <input id="qm-rule-site" class="qm-input" placeholder="example.com" value={site} onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <div class="qm-field">
              <label for="qm-rule-mode">Collect</label>
              <select id="qm-rule-mode" class="qm-select" value={mode} onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as 'ask' | 'never')}>
                <option value="never">Never</option>
                <option value="ask">Only when I ask</option>
              </select>
            </div>
            <button type="submit" class="qm-btn" style={{ alignSelf: 'flex-end' }}>
              Add rule
            </button>
          </form>
          {error && <p class="qm-error" role="alert">{error}</p>}
        </div>
      </div>
    </div>
  );
}
