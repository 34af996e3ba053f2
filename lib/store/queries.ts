/** Read-only queries for the popup and library. */
import type { ArticleRow, QuotemarkDB, QuoteRow, SpeakerRow } from './db';

export interface QuoteView extends QuoteRow {
  article: ArticleRow | null;
}

async function withArticles(db: QuotemarkDB, quotes: QuoteRow[]): Promise<QuoteView[]> {
  const ids = [...new Set(quotes.map((q) => q.articleId))];
  const articles = await db.articles.bulkGet(ids);
  const byId = new Map<number, ArticleRow>();
  articles.forEach((a, i) => a && byId.set(ids[i], a));
  return quotes.map((q) => ({ ...q, article: byId.get(q.articleId) ?? null }));
}

/** The article stored for a page address (as read, or canonical). */
export async function articleForUrl(db: QuotemarkDB, url: string): Promise<ArticleRow | undefined> {
  const clean = url.split('#')[0];
  return (await db.articles.where('urls').equals(clean).first()) ?? (await db.articles.where('url').equals(clean).first());
}

/** Quotes found on a page, in page order. */
export async function pageQuotes(db: QuotemarkDB, url: string): Promise<QuoteView[]> {
  const article = await articleForUrl(db, url);
  if (!article?.id) return [];
  const quotes = await db.quotes.where('articleId').equals(article.id).toArray();
  quotes.sort((a, b) => a.block - b.block || a.start - b.start);
  return quotes.map((q) => ({ ...q, article }));
}

/** Speakers with at least one quote, most quoted first. */
export async function speakersByCount(db: QuotemarkDB, limit = 200): Promise<SpeakerRow[]> {
  const out: SpeakerRow[] = [];
  await db.speakers
    .orderBy('quoteCount')
    .reverse()
    .until(() => out.length >= limit)
    .each((s) => {
      if (s.quoteCount > 0) out.push(s);
    });
  return out;
}

/** One speaker's quotes, newest first. */
export async function speakerQuotes(db: QuotemarkDB, speakerId: number, limit = 50): Promise<QuoteView[]> {
  const quotes = await db.quotes
    .where('[speakerId+date]')
    .between([speakerId, -Infinity], [speakerId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
  return withArticles(db, quotes);
}
