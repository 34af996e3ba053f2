import { AlsoOn } from './AlsoOn';
import { useQuoteActions } from './actions';
import { recentQuotes, type QuotemarkDB } from './data';
import { ago, fullDate } from './format';
import { QuoteItem } from './QuoteItem';
import { Empty, ErrorNote, Loading } from './ui/Empty';
import { useLivePaged } from './useLive';

/** The latest quotes collected, newest first, each with who said it and where. */
export function RecentView({ db, onOpenSpeaker }: { db: QuotemarkDB; onOpenSpeaker: (id: number, name: string) => void }) {
  const list = useLivePaged((after) => recentQuotes(db, { after, limit: 30 }), []);
  const actions = useQuoteActions(db);
  const now = Date.now();
  if (list.error) return <ErrorNote>{list.error}</ErrorNote>;
  if (!list.items) return <Loading what="recent quotes" />;
  if (list.items.length === 0)
    return (
      <Empty icon="clock" title="Nothing collected yet">
        Quotes appear here as you read news articles, the latest first.
      </Empty>
    );
  return (
    <div>
      <ul class="qm-list" aria-label="Latest quotes collected">
        {list.items.map((q) => (
          <QuoteItem key={q.id} quote={q} showSpeaker showSource now={now} onOpenSpeaker={onOpenSpeaker} onFixSpeaker={() => actions.onFixSpeaker(q)} onDelete={() => actions.onDelete(q)}>
            <p class="qm-hint" style={{ marginTop: '2px' }}>
              Collected <time dateTime={new Date(q.seen).toISOString()} title={fullDate(q.seen)}>{ago(q.seen, now)}</time>
              {q.origin === 'manual' ? ' · saved by you' : ''}
            </p>
            {q.group && <AlsoOn db={db} group={q.group} />}
          </QuoteItem>
        ))}
      </ul>
      {list.more && (
        <div class="qm-more">
          <button type="button" class="qm-btn" onClick={list.loadMore}>
            Show more
          </button>
        </div>
      )}
      {actions.dialog}
    </div>
  );
}
