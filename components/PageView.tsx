import { useState } from 'preact/hooks';
import type { TabStatus } from '../lib/messaging';
import { collectDecision, siteOfUrl, siteMode, withSiteMode, type Settings } from '../lib/settings';
import { AlsoOn } from './AlsoOn';
import { pageView, type QuotemarkDB, type QuoteView } from './data';
import { useFirstView } from './firstView';
import { count, day } from './format';
import { QuoteItem } from './QuoteItem';
import { sendToTab } from './target';
import { Empty, ErrorNote, Loading } from './ui/Empty';
import { useToast } from './ui/Toast';
import { useLive } from './useLive';

export interface PageTarget {
  url: string | null | undefined;
  tabId: number | null;
  /** What the page's content script says (null: none answered, undefined: not asked yet). */
  status: TabStatus | null | undefined;
}

export interface QuoteActions {
  onOpenSpeaker: (id: number, name: string) => void;
  onFixSpeaker?: (q: QuoteView) => void;
  onDelete?: (q: QuoteView) => void;
}

function NotCollected({ target, settings, update }: { target: PageTarget; settings: Settings; update: (c: (s: Settings) => Settings) => Promise<Settings> }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const site = siteOfUrl(target.url);
  const found = target.status?.found ?? 0;
  const decision = collectDecision(settings, target.url);
  async function collect() {
    if (target.tabId == null) return;
    setBusy(true);
    try {
      const reply = await sendToTab(target.tabId, { type: 'tab/collect' }, 5000);
      if (!reply.ok) toast({ text: reply.error, error: true });
    } catch (e) {
      toast({ text: `Could not collect this page: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  }
  const collectBtn = (
    <button type="button" class="qm-btn qm-btn--primary" disabled={busy || target.tabId == null} onClick={collect}>
      Collect {count(found, 'quote')} from this page
    </button>
  );
  if (found > 0 && !decision.collect) {
    if (decision.reason === 'ask')
      return (
        <Empty icon="quote" title={`${count(found, 'quote')} found on this page`} action={collectBtn}>
          Quotemark collects on {site} only when you ask.
        </Empty>
      );
    if (decision.reason === 'paused')
      return (
        <Empty icon="pause" title="Collecting is paused" action={collectBtn}>
          {count(found, 'quote')} found on this page. Resume collecting in settings, or collect just this page.
        </Empty>
      );
    return (
      <Empty
        icon="quote"
        title={`Quotemark never collects on ${site}`}
        action={
          <button type="button" class="qm-btn" onClick={() => update((s) => withSiteMode(s, site!, 'always')).then(collect)}>
            Collect on {site} from now on
          </button>
        }
      >
        {count(found, 'quote')} found on this page.
      </Empty>
    );
  }
  return (
    <Empty icon="page" title="No quotes collected on this page">
      {target.status
        ? 'Quotemark read this article and found no quoted statements with a speaker.'
        : siteMode(settings, site) === 'never'
          ? `Quotemark never collects on ${site}.`
          : 'Quotemark collects who said what from news articles as you read them. This page is not one it could read.'}
    </Empty>
  );
}

export function PageView({ db, target, settings, update, actions }: { db: QuotemarkDB; target: PageTarget; settings: Settings | null; update: (c: (s: Settings) => Settings) => Promise<Settings>; actions: QuoteActions }) {
  const url = target.url;
  const { value: view, error } = useLive(() => (url ? pageView(db, url) : Promise.resolve(null)).finally(() => performance.mark('qm-query')), [url]);
  const ready = url !== undefined && view !== undefined && (view !== null || (!!settings && target.status !== undefined) || url === null);
  useFirstView(ready || !!error);
  const toast = useToast();
  if (error) return <ErrorNote>{error}</ErrorNote>;
  if (url === null)
    return (
      <Empty icon="page" title="No article in this tab">
        Open a news article: Quotemark collects who said what as you read, and this tab shows the quotes on that page.
      </Empty>
    );
  if (!ready || view === undefined) return <Loading what="this page’s quotes" />;
  if (!view || view.quoteCount === 0) return <NotCollected target={target} settings={settings!} update={update} />;
  const { article, speakers } = view;
  async function show(q: QuoteView) {
    if (target.tabId == null) {
      toast({ text: 'This page is not open in a tab: use the site link to open it at the quote.' });
      return;
    }
    try {
      const r = await sendToTab(target.tabId, { type: 'tab/show-quote', quote: q.text });
      if (!r.found) toast({ text: 'This quote is no longer on the page.' });
    } catch {
      toast({ text: 'Reload the page to show quotes on it.' });
    }
  }
  const named = speakers.filter((g) => g.speaker || g.name).length;
  const published = article.published ? Date.parse(article.published) : NaN;
  return (
    <div>
      <div class="qm-context">
        {article.title && <p class="qm-context__title">{article.title}</p>}
        <p class="qm-context__meta">{[article.siteName ?? article.site, Number.isFinite(published) ? day(published, Date.now()) : null, `${count(view.quoteCount, 'quote')} from ${count(named, 'speaker')}`].filter(Boolean).join(' · ')}</p>
      </div>
      <ul class="qm-groups" aria-label="Quotes on this page, by speaker">
        {speakers.map((g, i) => {
          const name = g.speaker?.name ?? g.name;
          return (
            <li class="qm-group" key={g.speaker?.id ?? `none-${i}`}>
              <div class="qm-group__head">
                <div class="qm-group__who">
                  {g.speaker ? (
                    <button type="button" class="qm-speaker qm-group__name" onClick={() => actions.onOpenSpeaker(g.speaker!.id, g.speaker!.name)} title="All their quotes">
                      {name}
                    </button>
                  ) : (
                    <span class="qm-speaker">{name ?? 'Speaker not identified'}</span>
                  )}
                  {g.role && <span class="qm-role">{g.role}</span>}
                </div>
                <span class="qm-group__count">{count(g.quotes.length, 'quote')}</span>
              </div>
              <ul class="qm-list" aria-label={`Quotes by ${name ?? 'an unidentified speaker'}`}>
                {g.quotes.map((q) => (
                  <QuoteItem key={q.id} quote={q} showCue onShow={() => show(q)} onFixSpeaker={actions.onFixSpeaker && (() => actions.onFixSpeaker!(q))} onDelete={actions.onDelete && (() => actions.onDelete!(q))}>
                    {q.group && <AlsoOn db={db} group={q.group} />}
                  </QuoteItem>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
