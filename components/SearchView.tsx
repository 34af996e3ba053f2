import { useEffect, useRef, useState } from 'preact/hooks';
import { AlsoOn } from './AlsoOn';
import { useQuoteActions } from './actions';
import { searchMarks, searching, type QuotemarkDB, type SearchResult } from './data';
import { count, displayQuote } from './format';
import { initials } from './PeopleView';
import { QuoteItem } from './QuoteItem';
import { Empty, ErrorNote } from './ui/Empty';
import { SearchField } from './ui/SearchField';
import { errorText } from './data';

/** Follow typing without querying on every key: the value once it has been still for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value]);
  return settled;
}

/** Search across quote text and speaker names, results as you type. */
export function SearchView({ db, query, onQuery, onOpenSpeaker }: { db: QuotemarkDB; query: string; onQuery: (q: string) => void; onOpenSpeaker: (id: number, name: string) => void }) {
  const settled = useSettled(query, 90);
  const [pages, setPages] = useState(1);
  const [result, setResult] = useState<{ q: string; r: SearchResult; more: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const actions = useQuoteActions(db, () => setRevision((n) => n + 1));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => setPages(1), [settled]);
  useEffect(() => {
    let live = true;
    const q = settled.trim();
    if (!q) {
      setResult(null);
      return;
    }
    (async () => {
      const { search } = await searching();
      const first = await search(db, q, { limit: 30 });
      const items = [...first.quotes.items];
      let next = first.quotes.next;
      for (let i = 1; i < pages && next; i++) {
        const page = await search(db, q, { limit: 30, after: next });
        items.push(...page.quotes.items);
        next = page.quotes.next;
      }
      return { q, r: { ...first, quotes: { items, next } }, more: next !== null };
    })().then(
      (r) => {
        if (!live) return;
        setResult(r);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [settled, pages, revision]);

  const q = query.trim();
  return (
    <div>
      <div class="qm-filter">
        <SearchField value={query} onInput={onQuery} label="Search quotes and people" placeholder="Search quotes and people" id="qm-search-input" inputRef={input} />
      </div>
      {error && <ErrorNote>{error}</ErrorNote>}
      {!q ? (
        <Empty icon="search" title="Search everything collected">
          Words from a quote or a speaker’s name. Results appear as you type; word beginnings are enough (“infla” finds “inflation”).
        </Empty>
      ) : !result || result.q !== settled.trim() ? (
        <p class="qm-loading" aria-hidden="true">
          Searching…
        </p>
      ) : result.r.total === 0 && result.r.speakers.length === 0 ? (
        <Empty icon="search" title={`Nothing matches “${result.q}”`}>
          Try fewer or shorter words: each word is matched by its beginning.
        </Empty>
      ) : (
        <>
          <p class="qm-context__meta" role="status" style={{ marginBottom: '8px' }}>
            {count(result.r.total, 'quote')}
            {result.r.speakers.length > 0 && ` and ${count(result.r.speakers.length, 'person', 'people')}`} match “{result.q}”
          </p>
          {result.r.speakers.length > 0 && (
            <ul class="qm-people" aria-label="People matching the search" style={{ marginBottom: '12px' }}>
              {result.r.speakers.map((s) => (
                <li class="qm-person" key={s.id}>
                  <button type="button" class="qm-person__btn" onClick={() => onOpenSpeaker(s.id, s.name)}>
                    <span class="qm-avatar" aria-hidden="true">
                      {initials(s.name)}
                    </span>
                    <span class="qm-name">{s.name}</span>
                    <span class="qm-count">{count(s.quoteCount, 'quote')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <ul class="qm-list" aria-label="Quotes matching the search">
            {result.r.quotes.items.map((item) => (
              <QuoteItem key={item.id} quote={item} showSpeaker showSource showDate marks={searchMarks(displayQuote(item.text), result.q)} onOpenSpeaker={onOpenSpeaker} onFixSpeaker={() => actions.onFixSpeaker(item)} onDelete={() => actions.onDelete(item)}>
                {item.group && <AlsoOn db={db} group={item.group} />}
              </QuoteItem>
            ))}
          </ul>
          {result.more && (
            <div class="qm-more">
              <button type="button" class="qm-btn" onClick={() => setPages((n) => n + 1)}>
                Show more
              </button>
            </div>
          )}
        </>
      )}
      {actions.dialog}
    </div>
  );
}
