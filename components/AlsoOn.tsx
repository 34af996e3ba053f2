import { useState } from 'preact/hooks';
import type { GroupSummary, QuotemarkDB } from './data';
import { quoteGroup } from './data';
import { count, displayQuote, list } from './format';
import { quoteLink } from './links';
import { useLive } from './useLive';

/** "Also on b.example and c.example · worded differently by 1 of 3": the same statement elsewhere. */
export function summaryOf(group: GroupSummary): string {
  const sites = [...new Set(group.also.map((a) => a.site))];
  const where = sites.length ? `Also on ${list(sites, 3)}` : `Seen ${count(group.size, 'time')}`;
  return group.differing > 0 ? `${where} · worded differently by ${group.differing} of ${group.size}` : where;
}

function Wordings({ db, groupId }: { db: QuotemarkDB; groupId: number }) {
  const { value: view } = useLive(() => quoteGroup(db, groupId), [groupId]);
  if (!view) return <p class="qm-hint">Loading…</p>;
  return (
    <ul aria-label="Where this statement appeared">
      {view.variants.map((v, i) => (
        <li key={i}>
          <p class="qm-variant">
            {v.segments.map((seg, j) =>
              seg.marked && !v.isBase ? (
                <mark key={j} class="qm-diff-ins" title="Not in the most common wording">
                  {seg.text}
                </mark>
              ) : (
                <span key={j}>{seg.text}</span>
              ),
            )}
          </p>
          <p class="qm-hint">
            {v.isBase ? 'Most common wording' : 'Worded differently'} ·{' '}
            {v.quotes.map((q, k) => {
              const href = quoteLink(q.url, q.text);
              return (
                <span key={q.id}>
                  {k > 0 && ', '}
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer" title={q.article?.title || displayQuote(q.text)}>
                      {q.site}
                    </a>
                  ) : (
                    q.site
                  )}
                </span>
              );
            })}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The same statement in other articles, opened on demand, each wording with its differing words marked. */
export function AlsoOn({ db, group }: { db: QuotemarkDB; group: GroupSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="qm-also" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summaryOf(group)}</summary>
      {open && <Wordings db={db} groupId={group.id} />}
    </details>
  );
}
