import type { QuotemarkDB } from '../lib/store/db';
import { pageQuotes } from '../lib/store/queries';
import { QuoteItem } from './QuoteItem';
import { useLive } from './useLive';

export function PageView({ db, url }: { db: QuotemarkDB; url: string | null | undefined }) {
  const { value: quotes, error } = useLive(() => (url ? pageQuotes(db, url) : Promise.resolve([])), [url]);
  if (error) return <p class="qm-error" role="alert">{error}</p>;
  if (url === undefined || quotes === undefined) return <p class="qm-empty">Loading…</p>;
  if (quotes.length === 0) return <p class="qm-empty">No quotes collected on this page. Open a news article and Quotemark collects who said what.</p>;
  return (
    <ul class="qm-list" aria-label="Quotes on this page">
      {quotes.map((q) => (
        <QuoteItem key={q.id} quote={q} showSpeaker showSource={false} />
      ))}
    </ul>
  );
}
