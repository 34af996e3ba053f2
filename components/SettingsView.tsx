import { siteOfUrl, siteMode, siteRuleFor, withSiteMode, type Settings, type SiteMode } from '../lib/settings';
import { Switch } from './ui/Switch';

type Update = (c: (s: Settings) => Settings) => Promise<Settings>;

const MODES: { id: SiteMode; label: string }[] = [
  { id: 'always', label: 'Always' },
  { id: 'ask', label: 'When I ask' },
  { id: 'never', label: 'Never' },
];

export function SiteModePicker({ site, settings, update }: { site: string; settings: Settings; update: Update }) {
  const rule = siteRuleFor(settings, site);
  const mode = siteMode(settings, site);
  const name = `qm-site-mode-${site}`;
  return (
    <div class="qm-row qm-row--stack">
      <div class="qm-row__text">
        <span class="qm-row__label" id={`${name}-label`}>
          Collect on {site}
        </span>
        <span class="qm-hint">{rule && rule !== site ? `Set for all of ${rule}` : mode === 'ask' ? 'Only when you press “Collect” in This page' : mode === 'never' ? 'Nothing is read or kept from this site' : 'As you read'}</span>
      </div>
      <div class="qm-segmented" role="radiogroup" aria-labelledby={`${name}-label`}>
        {MODES.map((m) => (
          <label key={m.id}>
            <input type="radio" name={name} value={m.id} checked={mode === m.id} onChange={() => update((s) => withSiteMode(s, rule && m.id === 'always' ? rule : site, m.id))} />
            <span>{m.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

/** Site rules the user set, each removable. */
export function SiteRules({ settings, update }: { settings: Settings; update: Update }) {
  const rules = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  if (rules.length === 0) return <p class="qm-hint" style={{ padding: '10px 0' }}>No site rules. Quotemark collects on every news site you read.</p>;
  return (
    <ul class="qm-site-list" aria-label="Site rules">
      {rules.map(([site, mode]) => (
        <li key={site}>
          <span>
            <strong>{site}</strong> <span class="qm-hint">{mode === 'never' ? 'never' : 'only when asked'}</span>
          </span>
          <button type="button" class="qm-btn qm-btn--small" onClick={() => update((s) => withSiteMode(s, site, 'always'))} aria-label={`Remove the rule for ${site}`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Collecting on or paused (the popup and the library show the same switch). */
export function CollectSwitch({ settings, update }: { settings: Settings; update: Update }) {
  return (
    <Switch
      label="Collect quotes as I read"
      hint={settings.paused ? 'Paused: nothing new is collected until you turn this back on.' : 'Quotes and speakers from news articles, kept in this browser.'}
      checked={!settings.paused}
      onChange={(on) => update((s) => ({ ...s, paused: !on }))}
    />
  );
}

/** Highlights on news pages, off by default. */
export function HighlightSwitch({ settings, update }: { settings: Settings; update: Update }) {
  return <Switch label="Highlight quotes on pages" hint="Underlines the quotes found on news pages, with the speaker on hover." checked={settings.highlights} onChange={(on) => update((s) => ({ ...s, highlights: on }))} />;
}

/** The popup's settings: collecting, this site, highlights, and the way to the library. */
export function SettingsView({ settings, update, url, openLibrary }: { settings: Settings; update: Update; url: string | null | undefined; openLibrary: (hash?: string) => void }) {
  const site = siteOfUrl(url);
  return (
    <div class="qm-settings">
      <div class="qm-card">
        <CollectSwitch settings={settings} update={update} />
        {site && <SiteModePicker site={site} settings={settings} update={update} />}
        <HighlightSwitch settings={settings} update={update} />
      </div>
      <h2 class="qm-card__title">Sites</h2>
      <div class="qm-card">
        <SiteRules settings={settings} update={update} />
      </div>
      <h2 class="qm-card__title">Your data</h2>
      <div class="qm-card">
        <div class="qm-row">
          <div class="qm-row__text">
            <span class="qm-row__label">Library</span>
            <span class="qm-hint">Every quote, with filters by speaker, site and date.</span>
          </div>
          <button type="button" class="qm-btn" onClick={() => openLibrary()}>
            Open
          </button>
        </div>
        <div class="qm-row">
          <div class="qm-row__text">
            <span class="qm-row__label">Export, import, delete</span>
            <span class="qm-hint">JSON, CSV or JSON Lines. Nothing leaves this computer unless you export it.</span>
          </div>
          <button type="button" class="qm-btn" onClick={() => openLibrary('#data')}>
            Manage
          </button>
        </div>
      </div>
    </div>
  );
}
