import { useEffect, useMemo, useState } from 'preact/hooks';
import { useQuoteActions } from '../actions';
import { counts, findSpeakers, getSpeaker, listSites, type QuotemarkDB, type QuoteView } from '../data';
import { count, day, displayQuote, num } from '../format';
import { SpeakerPicker, type SpeakerChoice } from '../SpeakerPicker';
import { Empty, ErrorNote } from '../ui/Empty';
import { useLive } from '../useLive';
import { VirtualList } from '../VirtualList';
import { QuoteDetail } from './QuoteDetail';
import { hasFilters, NO_FILTERS, toQuery, type Filters } from './route';
import { useQuoteList } from './useQuoteList';

export const ROW_HEIGHT = 84;

function Row({ q }: { q: QuoteView | undefined }) {
  if (!q)
    return (
      <>
        <span class="qm-skeleton" style={{ width: '80%' }} />
        <span class="qm-skeleton" style={{ width: '40%' }} />
      </>
    );
  return (
    <>
      <span class="qm-vrow__text">{displayQuote(q.text)}</span>
      <span class="qm-vrow__meta">
        <span class="qm-speaker">{q.speaker?.name ?? q.speakerName ?? 'Speaker not identified'}</span>
        <span>{q.site}</span>
        <span>{day(q.date, Date.now())}</span>
        {q.group && <span>also on {count(q.group.outlets - 1, 'other site')}</span>}
      </span>
    </>
  );
}

function FilterPanel({ db, filters, onChange }: { db: QuotemarkDB; filters: Filters; onChange: (f: Filters) => void }) {
  const { value: sites } = useLive(() => listSites(db), []);
  const [speaker, setSpeaker] = useState<SpeakerChoice>({ name: filters.speakerName ?? '', id: filters.speakerId });
  useEffect(() => setSpeaker({ name: filters.speakerName ?? '', id: filters.speakerId }), [filters.speakerId, filters.speakerName]);
  return (
    <aside class="qm-lib__filters" aria-label="Filters">
      <h2>Filter</h2>
      <div>
        <SpeakerPicker
          find={(p) => findSpeakers(db, p)}
          value={speaker}
          id="qm-lib-speaker"
          label="Speaker"
          onChange={(c) => {
            setSpeaker(c);
            if (c.id !== undefined) onChange({ ...filters, speakerId: c.id, speakerName: c.name });
            else if (!c.name.trim() && filters.speakerId !== undefined) onChange({ ...filters, speakerId: undefined, speakerName: undefined });
          }}
        />
      </div>
      <div class="qm-field">
        <label for="qm-lib-site">Site</label>
        <select id="qm-lib-site" class="qm-select" value={filters.site ?? ''} onChange={(e) => onChange({ ...filters, site: (e.currentTarget as HTMLSelectElement).value || undefined })}>
          <option value="">All sites</option>
          {filters.site && !sites?.some((s) => s.site === filters.site) && <option value={filters.site}>{filters.site}</option>}
          {sites?.map((s) => (
            <option key={s.site} value={s.site}>
              {s.siteName && s.siteName !== s.site ? `${s.siteName} (${s.site})` : s.site} · {num(s.quoteCount)}
            </option>
          ))}
        </select>
      </div>
      <div class="qm-dates">
        <div class="qm-field">
          <label for="qm-lib-from">From</label>
          <input id="qm-lib-from" class="qm-input" type="date" value={filters.from ?? ''} max={filters.to} onChange={(e) => onChange({ ...filters, from: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </div>
        <div class="qm-field">
          <label for="qm-lib-to">To</label>
          <input id="qm-lib-to" class="qm-input" type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => onChange({ ...filters, to: (e.currentTarget as HTMLInputElement).value || undefined })} />
        </div>
      </div>
      <div class="qm-field">
        <label for="qm-lib-order">Order</label>
        <select id="qm-lib-order" class="qm-select" value={filters.sort} onChange={(e) => onChange({ ...filters, sort: (e.currentTarget as HTMLSelectElement).value as Filters['sort'] })}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="speaker">By speaker (A–Z)</option>
        </select>
      </div>
      <label class="qm-check">
        <input type="checkbox" checked={filters.once} onChange={(e) => onChange({ ...filters, once: (e.currentTarget as HTMLInputElement).checked })} />
        <span>Show a statement carried by several sites once</span>
      </label>
      {hasFilters(filters) && (
        <button type="button" class="qm-btn" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort, once: filters.once })}>
          Clear filters
        </button>
      )}
    </aside>
  );
}

/** The library's quotes: filters, a list that renders only visible rows, and the selected quote. */
export function QuotesSection({ db, filters, onFilters }: { db: QuotemarkDB; filters: Filters; onFilters: (f: Filters) => void }) {
  const query = useMemo(() => toQuery(filters), [JSON.stringify(filters)]);
  const list = useQuoteList(db, query);
  const [active, setActive] = useState(0);
  const [baseline, setBaseline] = useState<number | null>(null);
  const actions = useQuoteActions(db, () => {
    list.reload();
    setBaseline(null);
  });
  const { value: stored } = useLive(() => counts(db), []);
  const { value: speaker } = useLive(() => (filters.speakerId !== undefined ? getSpeaker(db, filters.speakerId) : Promise.resolve(undefined)), [filters.speakerId]);
  useEffect(() => setActive(0), [JSON.stringify(filters)]);
  // the list is read in pages, not live: say when quotes were collected since, and offer them
  useEffect(() => {
    if (!list.loading && stored && baseline === null) setBaseline(stored.quotes);
  }, [list.loading, stored?.quotes]);
  useEffect(() => setBaseline(null), [JSON.stringify(filters)]);
  const fresh = stored && baseline !== null ? stored.quotes - baseline : 0;
  const rows = list.rows;
  const selected = rows[Math.min(active, rows.length - 1)];
  const shown = list.more ? `${num(rows.length)}+` : num(rows.length);
  const total = filters.speakerId !== undefined && speaker ? speaker.quoteCount : !hasFilters(filters) ? stored?.quotes : undefined;
  const rowCount = rows.length + (list.more ? 1 : 0);
  return (
    <div class="qm-lib__body">
      <FilterPanel db={db} filters={filters} onChange={onFilters} />
      <section class="qm-lib__list" aria-label="Quotes">
        <div class="qm-lib__summary">
          <span role="status">
            {list.loading && rows.length === 0
              ? 'Loading…'
              : `${shown} ${rows.length === 1 && !list.more ? 'quote' : 'quotes'}${filters.once ? ' (each statement once)' : ''}${total !== undefined ? ` · ${count(total, 'quote')} ${hasFilters(filters) ? 'by this speaker' : 'stored'}` : ''}`}
          </span>
          {fresh > 0 ? (
            <button
              type="button"
              class="qm-btn qm-btn--small qm-btn--primary"
              onClick={() => {
                setBaseline(null);
                list.reload();
              }}
            >
              {count(fresh, 'new quote')} collected: show
            </button>
          ) : (
            <span class="qm-hint">↑ ↓ to move · Enter for details</span>
          )}
        </div>
        {list.error ? (
          <ErrorNote>{list.error}</ErrorNote>
        ) : !list.loading && rows.length === 0 && !list.more ? (
          hasFilters(filters) ? (
            <Empty icon="search" title="No quotes match these filters">
              Widen the dates, pick another site or speaker, or clear the filters.
            </Empty>
          ) : (
            <Empty icon="library" title="Your library is empty">
              Quotemark collects who said what from the news articles you read. Open an article and come back, or import an export under Data.
            </Empty>
          )
        ) : (
          <VirtualList
            count={rowCount}
            resetKey={JSON.stringify(filters)}
            rowHeight={ROW_HEIGHT}
            label="Quotes"
            active={Math.min(active, Math.max(0, rowCount - 1))}
            onActive={setActive}
            onRange={(_, last) => {
              if (last >= rows.length - 40) list.loadMore();
            }}
            renderRow={(i) => <Row q={rows[i]} />}
            rowLabel={(i) => (rows[i] ? undefined : 'Loading more quotes')}
            onOpen={(i) => document.getElementById('qm-detail-panel')?.querySelector<HTMLElement>('button, a')?.focus() ?? setActive(i)}
          />
        )}
      </section>
      <section class="qm-lib__detail" id="qm-detail-panel" aria-label="Quote details">
        {selected ? (
          <QuoteDetail
            db={db}
            quote={selected}
            onFilterSpeaker={(id, name) => onFilters({ ...filters, speakerId: id, speakerName: name })}
            onFixSpeaker={() => actions.onFixSpeaker(selected)}
            onDelete={() => void actions.onDelete(selected)}
          />
        ) : (
          <p class="qm-hint">Select a quote to see where it comes from.</p>
        )}
      </section>
      {actions.dialog}
    </div>
  );
}
