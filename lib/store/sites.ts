/** Per-site counts (schema v2), kept in step with every write that adds or removes articles or quotes. */
import type { QuotemarkDB } from './db';
import type { SiteRow } from './types';

interface Change {
  articles: number;
  quotes: number;
  lastSeen: number;
  siteName: string | null;
}

/** Changes to sites' counts gathered during a write, applied once at its end. */
export class SiteChanges {
  private readonly changes = new Map<string, Change>();

  add(site: string, articles: number, quotes: number, lastSeen = 0, siteName: string | null = null): void {
    const c = this.changes.get(site) ?? { articles: 0, quotes: 0, lastSeen: 0, siteName: null };
    c.articles += articles;
    c.quotes += quotes;
    c.lastSeen = Math.max(c.lastSeen, lastSeen);
    c.siteName ??= siteName;
    this.changes.set(site, c);
  }

  async apply(db: QuotemarkDB): Promise<void> {
    const sites = [...this.changes.keys()];
    if (!sites.length) return;
    const rows = await db.sites.bulkGet(sites);
    const out: SiteRow[] = sites.map((site, i) => {
      const c = this.changes.get(site)!;
      const row = rows[i] ?? { site, siteName: null, articleCount: 0, quoteCount: 0, lastSeen: 0 };
      return {
        site,
        siteName: c.siteName ?? row.siteName,
        articleCount: Math.max(0, row.articleCount + c.articles),
        quoteCount: Math.max(0, row.quoteCount + c.quotes),
        lastSeen: Math.max(row.lastSeen, c.lastSeen),
      };
    });
    await db.sites.bulkPut(out);
    this.changes.clear();
  }
}
