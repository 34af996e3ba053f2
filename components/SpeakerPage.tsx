import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AlsoOn } from './AlsoOn';
import { useQuoteActions } from './actions';
import { edits, errorText, findSpeakers, getSpeaker, quotesBySpeaker, type QuotemarkDB, type SpeakerView } from './data';
import { count, day, displayQuote, list } from './format';
import { QuoteItem } from './QuoteItem';
import { SpeakerPicker, type SpeakerChoice } from './SpeakerPicker';
import { Dialog, FormActions } from './ui/Dialog';
import { Empty, ErrorNote, Loading } from './ui/Empty';
import { Icon } from './ui/Icon';
import { useToast } from './ui/Toast';
import { useLive, useLivePaged } from './useLive';

function RenameDialog({ db, speaker, onClose }: { db: QuotemarkDB; speaker: SpeakerView; onClose: () => void }) {
  const toast = useToast();
  const [name, setName] = useState(speaker.name);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Rename ${speaker.name}`} onClose={onClose}>
      <form
        style={{ padding: 0 }}
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const v = await (await edits()).renameSpeaker(db, speaker.id, name);
            onClose();
            toast({ text: `Renamed to ${v.name}. “${speaker.name}” is kept as another name for them.` });
          } catch (err) {
            setError(errorText(err));
          }
        }}
      >
        <label class="qm-field">
          <span>Name</span>
          <input class="qm-input" value={name} autoFocus onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <FormActions error={error} onCancel={onClose} submit="Rename" />
      </form>
    </Dialog>
  );
}

function MergeDialog({ db, speaker, onClose }: { db: QuotemarkDB; speaker: SpeakerView; onClose: () => void }) {
  const toast = useToast();
  const [choice, setChoice] = useState<SpeakerChoice>({ name: '' });
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog title={`Merge into ${speaker.name}`} onClose={onClose}>
      <form
        style={{ padding: 0 }}
        onSubmit={async (e) => {
          e.preventDefault();
          if (choice.id === undefined) {
            setError('Pick the other speaker from the list: merging needs two existing speakers.');
            return;
          }
          try {
            await (await edits()).mergeSpeakers(db, speaker.id, choice.id);
            onClose();
            toast({ text: `${choice.name} merged into ${speaker.name}.` });
          } catch (err) {
            setError(errorText(err));
          }
        }}
      >
        <p>The other speaker’s quotes, names and roles move to {speaker.name}; later articles that name them are filed here too.</p>
        <SpeakerPicker find={(p) => findSpeakers(db, p)} value={choice} onChange={setChoice} label="Speaker to merge in" exclude={speaker.id} id="qm-merge-input" autoFocus />
        <FormActions error={error} onCancel={onClose} submit="Merge" disabled={choice.id === undefined} />
      </form>
    </Dialog>
  );
}

function SplitDialog({ db, speaker, onClose }: { db: QuotemarkDB; speaker: SpeakerView; onClose: () => void }) {
  const toast = useToast();
  // every quote, the same statement on several sites included: each copy can move
  const { value: quotes } = useLive(async () => (await quotesBySpeaker(db, speaker.id, { limit: 500, collapseGroups: false })).items, [speaker.id]);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [aliases, setAliases] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const toggle = <T,>(set: Set<T>, v: T) => {
    const next = new Set(set);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    return next;
  };
  return (
    <Dialog title={`Split ${speaker.name}`} onClose={onClose}>
      <form
        style={{ padding: 0 }}
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name.trim()) return setError('Give the new speaker a name.');
          if (!picked.size) return setError('Choose the quotes that belong to the new speaker.');
          try {
            const v = await (await edits()).splitSpeaker(db, speaker.id, { name, quoteIds: [...picked], aliases: [...aliases] });
            onClose();
            toast({ text: `${count(picked.size, 'quote')} moved to ${v.name}.` });
          } catch (err) {
            setError(errorText(err));
          }
        }}
      >
        <p>Two people under one name? Move the quotes that belong to someone else to a new speaker.</p>
        <label class="qm-field">
          <span>New speaker’s name</span>
          <input class="qm-input" value={name} autoFocus onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <fieldset class="qm-field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend class="qm-hint" style={{ marginBottom: '4px' }}>
            Quotes that move
          </legend>
          {!quotes ? (
            <Loading what="quotes" />
          ) : (
            <ul class="qm-check-list">
              {quotes.map((q) => (
                <li key={q.id}>
                  <label>
                    <input type="checkbox" checked={picked.has(q.id)} onChange={() => setPicked((s) => toggle(s, q.id))} />
                    <span>
                      {displayQuote(q.text).slice(0, 140)}
                      {q.text.length > 140 ? '…' : ''} <span class="qm-hint">({q.site})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        {speaker.aliases.length > 0 && (
          <fieldset class="qm-field" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend class="qm-hint" style={{ marginBottom: '4px' }}>
              Names that belong to the new speaker (later articles using them go there)
            </legend>
            <ul class="qm-check-list">
              {speaker.aliases.map((a) => (
                <li key={a}>
                  <label>
                    <input type="checkbox" checked={aliases.has(a)} onChange={() => setAliases((s) => toggle(s, a))} />
                    <span>{a}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <FormActions error={error} onCancel={onClose} submit="Split" />
      </form>
    </Dialog>
  );
}

/** One speaker: who they are, and their quotes newest first, each with where it appeared. */
export function SpeakerPage({ db, id, name, onBack, backLabel = 'People', onOpenSpeaker }: { db: QuotemarkDB; id: number; name: string; onBack?: () => void; backLabel?: string; onOpenSpeaker?: (id: number, name: string) => void }) {
  const { value: speaker, error } = useLive(() => getSpeaker(db, id), [id]);
  const quotes = useLivePaged((after) => quotesBySpeaker(db, id, { after, limit: 30 }), [id]);
  const actions = useQuoteActions(db);
  const [dialog, setDialog] = useState<'rename' | 'merge' | 'split' | null>(null);
  const now = Date.now();
  const back = onBack && (
    <button type="button" class="qm-back" onClick={onBack}>
      <Icon name="back" /> {backLabel}
    </button>
  );
  if (error) return <ErrorNote>{error}</ErrorNote>;
  if (speaker === undefined && quotes.items === undefined) return <Loading what={`${name}’s quotes`} />;
  if (!speaker)
    return (
      <div class="qm-speaker-page">
        {back}
        <Empty icon="people" title={`${name} is no longer a speaker`}>
          They may have been merged into another speaker or deleted.
        </Empty>
      </div>
    );
  const library = browser.runtime.getURL('/library.html') + `#quotes?speaker=${speaker.id}`;
  return (
    <div class="qm-speaker-page">
      <div class="qm-speaker-head">
        {back}
        <h2>{speaker.name}</h2>
        {speaker.roles.length > 0 && <p class="qm-role">{list(speaker.roles, 2)}</p>}
        <p class="qm-hint">
          {count(speaker.quoteCount, 'quote')} on {count(speaker.sites.length, 'site')}
          {speaker.lastQuoted > 0 && ` · latest ${day(speaker.lastQuoted, now)}`}
          {speaker.aliases.length > 0 && ` · also named ${list(speaker.aliases, 3)}`}
        </p>
        <div class="qm-speaker-head__actions">
          <button type="button" class="qm-btn qm-btn--small" onClick={() => setDialog('rename')}>
            <Icon name="edit" /> Rename
          </button>
          <button type="button" class="qm-btn qm-btn--small" onClick={() => setDialog('merge')}>
            <Icon name="merge" /> Merge…
          </button>
          <button type="button" class="qm-btn qm-btn--small" onClick={() => setDialog('split')} disabled={speaker.quoteCount < 2}>
            <Icon name="split" /> Split…
          </button>
          <a class="qm-btn qm-btn--small qm-btn--ghost" href={library} target="_blank" rel="noopener" title="Their quotes in the library, with filters">
            <Icon name="library" /> Library
          </a>
        </div>
      </div>
      {quotes.error && <ErrorNote>{quotes.error}</ErrorNote>}
      {!quotes.items ? (
        <Loading what="quotes" />
      ) : (
        <>
          <ul class="qm-list" aria-label={`Quotes by ${speaker.name}`}>
            {quotes.items.map((q) => (
              <QuoteItem key={q.id} quote={q} showSource showDate now={now} onFixSpeaker={() => actions.onFixSpeaker(q)} onDelete={() => actions.onDelete(q)} onOpenSpeaker={onOpenSpeaker}>
                {q.group && <AlsoOn db={db} group={q.group} />}
              </QuoteItem>
            ))}
          </ul>
          {quotes.more && (
            <div class="qm-more">
              <button type="button" class="qm-btn" onClick={quotes.loadMore}>
                Show more
              </button>
            </div>
          )}
        </>
      )}
      {actions.dialog}
      {dialog === 'rename' && <RenameDialog db={db} speaker={speaker} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeDialog db={db} speaker={speaker} onClose={() => setDialog(null)} />}
      {dialog === 'split' && <SplitDialog db={db} speaker={speaker} onClose={() => setDialog(null)} />}
    </div>
  );
}
