import { useRef, useState } from 'preact/hooks';
import { counts, edits, errorText, transfer, type ImportResult, type QuotemarkDB } from '../data';
import { count, num } from '../format';
import { Confirm } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { useLive } from '../useLive';

type Format = 'json' | 'csv' | 'jsonl';

const FORMATS: { id: Format; label: string; hint: string }[] = [
  { id: 'json', label: 'JSON', hint: 'Everything, including your corrections: can be imported again.' },
  { id: 'csv', label: 'CSV', hint: 'One quote a row, for spreadsheets.' },
  { id: 'jsonl', label: 'JSON Lines', hint: 'One quote a line, for scripts and data tools.' },
];

/** Save a file the way a link with `download` does: no permission needed. */
function download(filename: string, mimeType: string, parts: string[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function imported(r: ImportResult): string {
  const added = [count(r.quotes, 'quote'), count(r.speakers, 'speaker'), count(r.articles, 'article')].join(', ');
  return `Imported: ${added}.${r.skipped ? ` ${count(r.skipped, 'quote')} ${r.skipped === 1 ? 'was' : 'were'} already here and stayed as ${r.skipped === 1 ? 'it was' : 'they were'}.` : ''}`;
}

/** Export, import and delete: the user's data, in their hands. */
export function DataSection({ db }: { db: QuotemarkDB }) {
  const toast = useToast();
  const { value: stored } = useLive(() => counts(db), []);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function onExport(format: Format) {
    setBusy(`export-${format}`);
    try {
      const f = await (await transfer()).exportFile(db, format);
      download(f.filename, f.mimeType, f.parts);
      toast({ text: `Exported ${f.filename}.` });
    } catch (e) {
      toast({ text: errorText(e), error: true });
    } finally {
      setBusy(null);
    }
  }

  async function onImport(file: File) {
    setBusy('import');
    setResult(null);
    try {
      if (file.size > 512 * 1024 * 1024) throw new Error('This file is larger than 512 MB: it cannot be a Quotemark export. Nothing was changed.');
      const text = await file.text();
      const r = await (await transfer()).importJson(db, text);
      setResult({ ok: true, text: imported(r) });
    } catch (e) {
      const message = e instanceof Error && !('code' in e) ? e.message : errorText(e);
      setResult({ ok: false, text: `${file.name} was not imported. ${message}` });
    } finally {
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <div class="qm-lib__page">
      <div>
        <h2 class="qm-page-title">Your data</h2>
        <p class="qm-hint">Everything Quotemark collects stays in this browser. Nothing is sent anywhere.</p>
        {stored && (
          <dl class="qm-stats" aria-label="Stored">
            <div>
              <dt>Quotes</dt>
              <dd>{num(stored.quotes)}</dd>
            </div>
            <div>
              <dt>People</dt>
              <dd>{num(stored.speakers)}</dd>
            </div>
            <div>
              <dt>Articles</dt>
              <dd>{num(stored.articles)}</dd>
            </div>
            <div>
              <dt>Statements on several sites</dt>
              <dd>{num(stored.groups)}</dd>
            </div>
          </dl>
        )}

        <h3 class="qm-card__title">Export</h3>
        <div class="qm-card">
          {FORMATS.map((f) => (
            <div class="qm-row" key={f.id}>
              <div class="qm-row__text">
                <span class="qm-row__label">{f.label}</span>
                <span class="qm-hint">{f.hint}</span>
              </div>
              <button type="button" class="qm-btn" disabled={busy !== null} onClick={() => onExport(f.id)} aria-label={`Export as ${f.label}`}>
                <Icon name="download" /> {busy === `export-${f.id}` ? 'Exporting…' : 'Export'}
              </button>
            </div>
          ))}
        </div>

        <h3 class="qm-card__title">Import</h3>
        <div class="qm-card">
          <div class="qm-row">
            <div class="qm-row__text">
              <label class="qm-row__label" for="qm-import-file">
                A Quotemark JSON export
              </label>
              <span class="qm-hint">Adds what is not here yet; what you have stays as it is. A file that is damaged or not an export is refused and nothing changes.</span>
            </div>
            <input
              id="qm-import-file"
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              class="qm-file"
              disabled={busy !== null}
              onChange={(e) => {
                const f = (e.currentTarget as HTMLInputElement).files?.[0];
                if (f) void onImport(f);
              }}
            />
          </div>
          {busy === 'import' && <p class="qm-hint" role="status">Importing…</p>}
          {result && (
            <p class={result.ok ? 'qm-notice' : 'qm-error'} role={result.ok ? 'status' : 'alert'} id="qm-import-result">
              {result.text}
            </p>
          )}
        </div>

        <h3 class="qm-card__title">Delete</h3>
        <div class="qm-card">
          <div class="qm-row">
            <div class="qm-row__text">
              <span class="qm-row__label">Delete all data</span>
              <span class="qm-hint">Every quote, speaker and correction. Export first if you may want them back.</span>
            </div>
            <button type="button" class="qm-btn qm-btn--danger" disabled={busy !== null || !stored || stored.quotes + stored.articles === 0} onClick={() => setConfirming(true)}>
              <Icon name="trash" /> Delete all…
            </button>
          </div>
        </div>
      </div>
      {confirming && (
        <Confirm
          title="Delete all data?"
          confirm="Delete everything"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            try {
              await (await edits()).deleteAllData(db);
              toast({ text: 'All data deleted.' });
            } catch (e) {
              toast({ text: errorText(e), error: true });
            }
          }}
        >
          <p>
            This deletes {stored ? count(stored.quotes, 'quote') : 'every quote'}, {stored ? count(stored.speakers, 'person', 'people') : 'every speaker'} and your corrections from this browser. It cannot be undone.
          </p>
        </Confirm>
      )}
    </div>
  );
}
