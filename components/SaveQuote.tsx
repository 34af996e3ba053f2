import { useEffect, useState } from 'preact/hooks';
import type { PageMeta } from '../lib/page/types';
import { edits, errorText, findSpeakers, getDb } from './data';
import { safeHref } from './links';
import { SpeakerPicker, type SpeakerChoice } from './SpeakerPicker';
import { tabStatus } from './target';
import { Icon } from './ui/Icon';
import { Logo } from './ui/Logo';
import { FormActions } from './ui/Dialog';

interface Params {
  text: string;
  url: string;
  title: string;
  tab: number | null;
  /** Opened as a window by the context menu: close it after saving. */
  popup: boolean;
}

export function readParams(search: string): Params {
  const p = new URLSearchParams(search);
  const tab = p.get('tab');
  return { text: p.get('text') ?? '', url: p.get('url') ?? '', title: p.get('title') ?? '', tab: tab && /^\d+$/.test(tab) ? Number(tab) : null, popup: p.get('popup') === '1' };
}

/** "Save as quote…": the selected text, who said it, and where; saved as the user's own quote. */
export function SaveQuote({ params }: { params: Params }) {
  const db = getDb();
  const [text, setText] = useState(params.text);
  const [choice, setChoice] = useState<SpeakerChoice>({ name: '' });
  const [role, setRole] = useState('');
  const [meta, setMeta] = useState<PageMeta | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (params.tab !== null) tabStatus(params.tab).then((s) => s && setMeta(s.meta));
  }, []);
  const href = safeHref(params.url);
  const site = href ? new URL(href).hostname.replace(/^www\./, '') : null;
  if (!href)
    return (
      <main class="qm-save">
        <p class="qm-error" role="alert">
          Quotes can only be saved from web pages (http or https).
        </p>
      </main>
    );
  if (saved)
    return (
      <main class="qm-save">
        <div class="qm-empty" role="status">
          <span class="qm-empty__icon">
            <Icon name="check" />
          </span>
          <p class="qm-empty__title">Quote saved</p>
          <p class="qm-empty__text">{choice.name.trim() ? `Filed under ${choice.name.trim()}.` : 'Saved without a speaker: you can add one later.'}</p>
          <button type="button" class="qm-btn" autoFocus onClick={() => window.close()}>
            Close
          </button>
        </div>
      </main>
    );
  return (
    <main class="qm-save">
      <div class="qm-brand">
        <Logo />
        <h1>Save as quote</h1>
      </div>
      <form
        class="qm-settings"
        style={{ gap: '12px' }}
        onSubmit={async (e) => {
          e.preventDefault();
          const name = choice.name.trim();
          try {
            await (await edits()).saveManualQuote(db, {
              text,
              speaker: choice.id !== undefined ? { speakerId: choice.id } : name ? { name } : null,
              url: href,
              title: meta?.title || params.title,
              role: role.trim() || null,
              published: meta?.published ?? null,
              siteName: meta?.siteName ?? null,
            });
            setSaved(true);
            if (params.popup) setTimeout(() => window.close(), 900);
          } catch (err) {
            setError(errorText(err));
          }
        }}
      >
        <label class="qm-field">
          <span>Quote</span>
          <textarea class="qm-input" rows={5} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} style={{ fontFamily: 'var(--qm-font-quote)', fontSize: '15px', resize: 'vertical' }} />
        </label>
        <SpeakerPicker find={(p) => findSpeakers(db, p)} value={choice} onChange={setChoice} label="Who said it" autoFocus />
        <label class="qm-field">
          <span>Their role (optional)</span>
          <input class="qm-input" value={role} placeholder="e.g. State Department spokesperson" onInput={(e) => setRole((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <p class="qm-hint">
          From <strong>{meta?.title || params.title || site}</strong> · {meta?.siteName ?? site}
        </p>
        <FormActions error={error} onCancel={() => window.close()} submit="Save quote" disabled={!text.trim()} />
      </form>
    </main>
  );
}
