import { useState } from 'preact/hooks';
import { speakersByCount, speakerQuotes, type QuotemarkDB } from './data';
import { count, list } from './format';
import { QuoteItem } from './QuoteItem';
import { Empty, ErrorNote, Loading } from './ui/Empty';
import { Icon } from './ui/Icon';
import { SearchField } from './ui/SearchField';
import { useLive } from './useLive';

function initials(name: string): string {
  const words = name.replace(/^the\s+/i, '').split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase() || '?';
}

function SpeakerPage({ db, id, name, onBack }: { db: QuotemarkDB; id: number; name: string; onBack: () => void }) {
  const { value: quotes } = useLive(() => speakerQuotes(db, id), [id]);
  return (
    <div class="qm-speaker-page">
      <div class="qm-speaker-head">
        <button type="button" class="qm-back" onClick={onBack}>
          <Icon name="back" /> People
        </button>
        <h2>{name}</h2>
      </div>
      {!quotes ? (
        <Loading what="quotes" />
      ) : (
        <ul class="qm-list" aria-label={`Quotes by ${name}`}>
          {quotes.map((q) => (
            <QuoteItem key={q.id} quote={q} showSource showDate />
          ))}
        </ul>
      )}
    </div>
  );
}

export function PeopleView({ db, speaker, onOpen, onBack }: { db: QuotemarkDB; speaker: { id: number; name: string } | null; onOpen: (id: number, name: string) => void; onBack: () => void }) {
  const [filter, setFilter] = useState('');
  const { value: speakers, error } = useLive(() => speakersByCount(db), []);
  if (speaker) return <SpeakerPage db={db} id={speaker.id} name={speaker.name} onBack={onBack} />;
  if (error) return <ErrorNote>{error}</ErrorNote>;
  if (!speakers) return <Loading what="people" />;
  if (speakers.length === 0)
    return (
      <Empty icon="people" title="Nobody quoted yet">
        Read a news article and the people quoted in it appear here, with everything they said.
      </Empty>
    );
  const f = filter.trim().toLowerCase();
  const shown = f ? speakers.filter((s) => s.name.toLowerCase().includes(f)) : speakers;
  return (
    <div>
      <SearchField value={filter} onInput={setFilter} label="Filter people" placeholder="Filter people by name" />
      <ul class="qm-people" aria-label="People quoted">
        {shown.map((s) => (
          <li class="qm-person" key={s.id}>
            <button type="button" class="qm-person__btn" onClick={() => onOpen(s.id!, s.name)}>
              <span class="qm-avatar" aria-hidden="true">
                {initials(s.name)}
              </span>
              <span class="qm-name">{s.name}</span>
              <span class="qm-count">{count(s.quoteCount, 'quote')}</span>
              <span class="qm-sites">{list(s.sites)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
