/**
 * Saving one page's capture: one transaction, idempotent. A revisit changes nothing; an edited
 * article replaces its quotes (quotes no longer on the page are removed, new ones added).
 */
import type { PageCapture, SaveResult } from '../messaging';
import type { QuotemarkDB, QuoteRow, SpeakerRow } from './db';
import { normalizeQuote, speakerKey } from './normalize';

function dateOf(published: string | null, fallback: number): number {
  if (!published) return fallback;
  const t = Date.parse(published);
  return Number.isFinite(t) ? t : fallback;
}

function addUnique(list: string[], value: string | null | undefined): boolean {
  if (!value || list.includes(value)) return false;
  list.push(value);
  return true;
}

export async function savePage(db: QuotemarkDB, capture: PageCapture, now: number): Promise<SaveResult> {
  const { meta } = capture;
  return db.transaction('rw', db.articles, db.quotes, db.speakers, async () => {
    let article = await db.articles.where('url').equals(meta.canonicalUrl).first();
    if (!article) article = await db.articles.where('urls').equals(meta.url).first();
    const date = dateOf(meta.published, article?.firstSeen ?? now);
    const urls = article ? [...article.urls] : [];
    addUnique(urls, meta.url);
    addUnique(urls, meta.canonicalUrl);
    const row = {
      url: article?.url ?? meta.canonicalUrl,
      urls,
      site: meta.site,
      siteName: meta.siteName,
      title: meta.title,
      authors: meta.authors,
      published: meta.published,
      firstSeen: article?.firstSeen ?? now,
      lastSeen: now,
      quoteCount: 0,
    };
    const articleId = article?.id ?? (await db.articles.add(row));

    const existing = await db.quotes.where('articleId').equals(articleId).toArray();
    const byNorm = new Map(existing.map((q) => [q.norm, q]));
    const wanted = new Map<string, PageCapture['quotes'][number]>();
    for (const q of capture.quotes) {
      const norm = normalizeQuote(q.quote);
      if (norm && !wanted.has(norm)) wanted.set(norm, q);
    }

    const speakerCache = new Map<string, SpeakerRow>();
    const touched = new Set<SpeakerRow>();
    async function speakerFor(name: string | null, q: PageCapture['quotes'][number]): Promise<SpeakerRow | null> {
      if (!name) return null;
      const key = speakerKey(name);
      if (!key) return null;
      let s = speakerCache.get(key) ?? (await db.speakers.where('key').equals(key).first());
      if (!s) {
        s = { key, name, type: q.speakerType, aliases: [], roles: [], sites: [], quoteCount: 0, lastQuoted: 0 };
        s.id = await db.speakers.add(s);
      }
      speakerCache.set(key, s);
      return s;
    }

    let removed = 0;
    for (const old of existing) {
      if (wanted.has(old.norm)) continue;
      await db.quotes.delete(old.id!);
      removed++;
      if (old.speakerId != null) {
        const s = await db.speakers.get(old.speakerId);
        if (s) {
          const cached = speakerCache.get(s.key) ?? s;
          cached.quoteCount = Math.max(0, cached.quoteCount - 1);
          speakerCache.set(s.key, cached);
          touched.add(cached);
        }
      }
    }

    let added = 0;
    let kept = 0;
    for (const [norm, q] of wanted) {
      const speaker = await speakerFor(q.speaker, q);
      const prev = byNorm.get(norm);
      const quoteRow: QuoteRow = {
        articleId,
        speakerId: speaker?.id ?? null,
        norm,
        text: q.quote,
        speakerName: q.speaker,
        mention: q.mention,
        role: q.role,
        cue: q.cue,
        kind: q.kind,
        confidence: q.confidence,
        block: q.block,
        start: q.start,
        end: q.end,
        before: q.before,
        after: q.after,
        site: meta.site,
        url: meta.url,
        date,
        seen: prev?.seen ?? now,
      };
      if (prev) {
        kept++;
        if (prev.speakerId !== quoteRow.speakerId) {
          // the engine now attributes it differently: move the count
          if (prev.speakerId != null) {
            const old = await db.speakers.get(prev.speakerId);
            if (old) {
              const cached = speakerCache.get(old.key) ?? old;
              cached.quoteCount = Math.max(0, cached.quoteCount - 1);
              speakerCache.set(old.key, cached);
              touched.add(cached);
            }
          }
          if (speaker) speaker.quoteCount++;
        }
        await db.quotes.put({ ...quoteRow, id: prev.id });
      } else {
        added++;
        await db.quotes.add(quoteRow);
        if (speaker) speaker.quoteCount++;
      }
      if (speaker) {
        addUnique(speaker.aliases, q.mention && q.mention !== speaker.name ? q.mention : null);
        addUnique(speaker.roles, q.role);
        addUnique(speaker.sites, meta.site);
        speaker.lastQuoted = Math.max(speaker.lastQuoted, date);
        touched.add(speaker);
      }
    }
    for (const s of touched) await db.speakers.put(s);
    await db.articles.update(articleId, { ...row, quoteCount: wanted.size });
    return { articleId, added, removed, kept };
  });
}
