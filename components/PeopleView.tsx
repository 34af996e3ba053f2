import { useState } from 'preact/hooks';
import { listSpeakers, type QuotemarkDB, type SpeakerSort } from './data';
import { count, list } from './format';
import { Empty, ErrorNote, Loading } from './ui/Empty';
import { SearchField } from './ui/SearchField';
import { useLivePaged } from './useLive';

export function initials(name: string): string {
  const words = name.replace(/^the\s+/i, '').split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1][0] : '')).toUpperCase() || '?';
}

/** People quoted, most quoted (or most recently quoted) first, with the sites that quoted them; filter as you type. */
export function PeopleView({ db, onOpen, filter, onFilter }: { db: QuotemarkDB; onOpen: (id: number, name: string) => void; filter: string; onFilter: (f: string) => void }) {
  const [sort, setSort] = useState<Exclude<SpeakerSort, 'name'>>('count');
  const prefix = filter.trim();
  const people = useLivePaged((after) => listSpeakers(db, { sort, prefix: prefix || undefined, after, limit: 50 }), [sort, prefix]);
  const items = people.items;
  return (
    <div>
      <div class="qm-filter" style={{ display: 'flex', gap: '8px', alignItems: 'center' }}>
        <div style={{ flex: 1 }}>
          <SearchField value={filter} onInput={onFilter} label="Filter people" placeholder="Filter people by name" id="qm-people-filter" />
        </div>
        <label class="qm-sr" for="qm-people-sort">
          Order
        </label>
        <select id="qm-people-sort" class="qm-select" style={{ width: 'auto' }} value={sort} onChange={(e) => setSort((e.currentTarget as HTMLSelectElement).value as 'count' | 'recent')}>
          <option value="count">Most quoted</option>
          <option value="recent">Latest quoted</option>
        </select>
      </div>
      {people.error && <ErrorNote>{people.error}</ErrorNote>}
      {!items ? (
        <Loading what="people" />
      ) : items.length === 0 ? (
        prefix ? (
          <Empty icon="search" title={`Nobody named “${prefix}”`}>
            No speaker has a name starting with that. Try part of a first or last name.
          </Empty>
        ) : (
          <Empty icon="people" title="Nobody quoted yet">
            Read a news article and the people quoted in it appear here, with everything they said.
          </Empty>
        )
      ) : (
        <>
          <p class="qm-sr" role="status">
            {count(items.length, 'person', 'people')}
            {people.more ? ' shown, more below' : ''}
          </p>
          <ul class="qm-people" aria-label="People quoted">
            {items.map((s) => (
              <li class="qm-person" key={s.id}>
                <button type="button" class="qm-person__btn" onClick={() => onOpen(s.id, s.name)}>
                  <span class="qm-avatar" aria-hidden="true">
                    {initials(s.name)}
                  </span>
                  <span class="qm-name">{s.name}</span>
                  <span class="qm-count">{count(s.quoteCount, 'quote')}</span>
                  <span class="qm-person__sub">
                    {s.roles[0] && <span class="qm-person__role">{s.roles[0]} · </span>}
                    <span class="qm-sites">{list(s.sites, 3, s.siteCount)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {people.more && (
            <div class="qm-more">
              <button type="button" class="qm-btn" onClick={people.loadMore}>
                Show more people
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
