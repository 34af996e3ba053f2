import { useState } from 'preact/hooks';
import type { QuotemarkDB } from '../lib/store/db';
import { speakersByCount, speakerQuotes } from '../lib/store/queries';
import { QuoteItem } from './QuoteItem';
import { useLive } from './useLive';

function SpeakerQuotes({ db, speakerId, name, onBack }: { db: QuotemarkDB; speakerId: number; name: string; onBack: () => void }) {
  const { value: quotes } = useLive(() => speakerQuotes(db, speakerId), [speakerId]);
  return (
    <div class="qm-speaker-page">
      <button class="qm-back" onClick={onBack}>← People</button>
      <h2>{name}</h2>
      <ul class="qm-list" aria-label={`Quotes by ${name}`}>
        {(quotes ?? []).map((q) => (
          <QuoteItem key={q.id} quote={q} showSpeaker={false} showSource />
        ))}
      </ul>
    </div>
  );
}

export function PeopleView({ db }: { db: QuotemarkDB }) {
  const { value: speakers, error } = useLive(() => speakersByCount(db), []);
  const [open, setOpen] = useState<{ id: number; name: string } | null>(null);
  if (open) return <SpeakerQuotes db={db} speakerId={open.id} name={open.name} onBack={() => setOpen(null)} />;
  if (error) return <p class="qm-error" role="alert">{error}</p>;
  if (!speakers) return <p class="qm-empty">Loading…</p>;
  if (speakers.length === 0) return <p class="qm-empty">Nobody quoted yet. Read a news article and the people quoted in it appear here.</p>;
  return (
    <ul class="qm-people" aria-label="People quoted">
      {speakers.map((s) => (
        <li class="qm-person" key={s.id}>
          <button onClick={() => setOpen({ id: s.id!, name: s.name })}>
            <span class="qm-name">{s.name}</span>
            <span class="qm-count">{s.quoteCount === 1 ? '1 quote' : `${s.quoteCount} quotes`}</span>
            <span class="qm-sites">{s.sites.join(', ')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
