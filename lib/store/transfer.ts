/**
 * Export and import. The JSON export is the full, versioned format: everything the user made
 * (articles, speakers with their name forms and merges, quotes with their speakers and groups,
 * remembered deletions), nothing that can be recomputed (counts, search words, sketches). Importing
 * it checks the whole file before touching the database, then adds what is missing in one
 * transaction: a bad file changes nothing, and importing the same file twice adds nothing.
 * CSV and JSON Lines are for other tools: one quote a row or a line, speaker and source joined in.
 */
import type { QuoteKind, SpeakerType } from '../extract/types';
import { LIMITS } from '../messaging';
import { reading, writing, type QuotemarkDB } from './db';
import { guardWrite, StoreError } from './errors';
import { groupNewQuotes, settleGroups } from './groups';
import { normalizeQuote } from './normalize';
import { applySpeaker } from './save';
import { sketch } from './similarity';
import { SiteChanges } from './sites';
import { addAlias, applyTallies, countQuote, speakerRow } from './speakers';
import type { ArticleRow, DeletionRow, ImportResult, QuoteRow, SpeakerRow } from './types';

export const EXPORT_FORMAT = 'quotemark-export';
export const EXPORT_VERSION = 1;

/** The fields an export carries of each stored row (the rest is derived again on import). */
const ARTICLE_FIELDS = ['url', 'urls', 'site', 'siteName', 'title', 'authors', 'published', 'date', 'firstSeen', 'lastSeen'] as const satisfies readonly (keyof ArticleRow)[];
const SPEAKER_FIELDS = ['name', 'type', 'scope', 'articleId', 'keys', 'aliases'] as const satisfies readonly (keyof SpeakerRow)[];
/** A quote's own fields: copied as they are from the row into the file, and back. */
const QUOTE_OWN_FIELDS = ['text', 'speakerName', 'mention', 'role', 'cue', 'kind', 'confidence', 'block', 'start', 'end', 'before', 'after', 'url', 'seen', 'origin', 'speakerFixed'] as const satisfies readonly (keyof QuoteRow)[];

export type ExportArticle = Pick<ArticleRow, (typeof ARTICLE_FIELDS)[number]> & { id: number };
export type ExportSpeaker = Pick<SpeakerRow, (typeof SPEAKER_FIELDS)[number]> & { id: number };
/** Ids refer to the file's own articles, speakers and groups. */
export type ExportQuote = Pick<QuoteRow, (typeof QUOTE_OWN_FIELDS)[number] | 'articleId' | 'speakerId' | 'groupId'> & { id: number };

function pick<T, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}

export interface ExportDeletion {
  articleId: number;
  norm: string;
  deleted: number;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  articles: ExportArticle[];
  speakers: ExportSpeaker[];
  quotes: ExportQuote[];
  deletions: ExportDeletion[];
}

// ---------------------------------------------------------------------------------------------
// export

/** Everything, as the JSON export's object. */
export async function exportData(db: QuotemarkDB, now: number = Date.now()): Promise<ExportFile> {
  return reading(db, async (db) => {
    const [articles, speakers, quotes, deletions] = await Promise.all([db.articles.toArray(), db.speakers.toArray(), db.quotes.toArray(), db.deletions.toArray()]);
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date(now).toISOString(),
      articles: articles.map((a) => ({ id: a.id!, ...pick(a, ARTICLE_FIELDS) })),
      speakers: speakers.map((s) => ({ id: s.id!, ...pick(s, SPEAKER_FIELDS) })),
      quotes: quotes.map((q) => ({ id: q.id!, articleId: q.articleId, speakerId: q.speakerId, groupId: q.groupId, ...pick(q, QUOTE_OWN_FIELDS) })),
      deletions: deletions.map((d) => ({ articleId: d.articleId, norm: d.norm, deleted: d.deleted })),
    };
  });
}

/** The full export as JSON text. */
export async function exportJson(db: QuotemarkDB, now: number = Date.now()): Promise<string> {
  return JSON.stringify(await exportData(db, now));
}

/** One quote with its speaker and source, for the flat formats. */
export interface FlatQuote {
  id: number;
  date: string;
  speaker: string | null;
  speakerType: SpeakerType | null;
  role: string | null;
  quote: string;
  site: string;
  url: string;
  title: string;
  published: string | null;
  kind: QuoteKind;
  confidence: number;
  mention: string | null;
  cue: string | null;
  before: string;
  after: string;
  group: number | null;
  origin: 'page' | 'manual';
  seen: string;
}

/** Every quote joined with its speaker and article, oldest first. */
export async function flatQuotes(db: QuotemarkDB): Promise<FlatQuote[]> {
  return reading(db, async (db) => {
    const [articles, speakers, quotes] = await Promise.all([db.articles.toArray(), db.speakers.toArray(), db.quotes.orderBy('[date+id]').toArray()]);
    const art = new Map(articles.map((a) => [a.id!, a]));
    const spk = new Map(speakers.map((s) => [s.id!, s]));
    return quotes.map((q) => {
      const a = art.get(q.articleId);
      const s = q.speakerId != null ? spk.get(q.speakerId) : undefined;
      return {
        id: q.id!,
        date: new Date(q.date).toISOString(),
        speaker: s?.name ?? q.speakerName,
        speakerType: s?.type ?? null,
        role: q.role,
        quote: q.text,
        site: q.site,
        url: q.url,
        title: a?.title ?? '',
        published: a?.published ?? null,
        kind: q.kind,
        confidence: q.confidence,
        mention: q.mention,
        cue: q.cue,
        before: q.before,
        after: q.after,
        group: q.groupId,
        origin: q.origin,
        seen: new Date(q.seen).toISOString(),
      };
    });
  });
}

/** JSON Lines: one quote a line. */
export async function exportJsonLines(db: QuotemarkDB): Promise<string> {
  return (await flatQuotes(db)).map((q) => JSON.stringify(q) + '\n').join('');
}

const CSV_COLUMNS: (keyof FlatQuote)[] = ['id', 'date', 'speaker', 'speakerType', 'role', 'quote', 'site', 'url', 'title', 'published', 'kind', 'confidence', 'mention', 'cue', 'group', 'origin', 'seen'];

/**
 * A CSV cell (RFC 4180). Text from web pages that starts like a formula (=, +, -, @, tab, return)
 * gets a leading apostrophe, so a spreadsheet shows it instead of running it.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: a header, then one quote a row. */
export async function exportCsv(db: QuotemarkDB): Promise<string> {
  const rows = await flatQuotes(db);
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return lines.join('\r\n') + '\r\n';
}

export type ExportFormat = 'json' | 'csv' | 'jsonl';

/** A file to download: `new Blob(file.parts, { type: file.mimeType })`. */
export async function exportFile(db: QuotemarkDB, format: ExportFormat, now: number = Date.now()): Promise<{ filename: string; mimeType: string; parts: string[] }> {
  const day = new Date(now).toISOString().slice(0, 10);
  switch (format) {
    case 'json':
      return { filename: `quotemark-${day}.json`, mimeType: 'application/json', parts: [await exportJson(db, now)] };
    case 'csv':
      return { filename: `quotemark-${day}.csv`, mimeType: 'text/csv;charset=utf-8', parts: ['\ufeff', await exportCsv(db)] };
    case 'jsonl':
      return { filename: `quotemark-${day}.jsonl`, mimeType: 'application/x-ndjson', parts: [await exportJsonLines(db)] };
    default:
      throw new StoreError('invalid', `unknown export format ${String(format)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// validation

class Damaged extends StoreError {
  constructor(path: string, what: string) {
    super('invalid', `This export is damaged and was not imported (${path}: ${what}). Nothing was changed.`);
  }
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(o: Obj, k: string, path: string, max: number): string {
  const v = o[k];
  if (typeof v !== 'string') throw new Damaged(`${path}.${k}`, 'expected text');
  if (v.length > max) throw new Damaged(`${path}.${k}`, `longer than ${max} characters`);
  return v;
}

function strOrNull(o: Obj, k: string, path: string, max: number): string | null {
  return o[k] === null || o[k] === undefined ? null : str(o, k, path, max);
}

function num(o: Obj, k: string, path: string, opts: { int?: boolean; min?: number; max?: number } = {}): number {
  const v = o[k];
  if (typeof v !== 'number' || !Number.isFinite(v) || (opts.int && !Number.isInteger(v)) || (opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
    throw new Damaged(`${path}.${k}`, `expected ${opts.int ? 'a whole number' : 'a number'}${opts.min !== undefined ? ` from ${opts.min}` : ''}${opts.max !== undefined ? ` to ${opts.max}` : ''}`);
  }
  return v;
}

function idOrNull(o: Obj, k: string, path: string): number | null {
  return o[k] === null || o[k] === undefined ? null : num(o, k, path, { int: true, min: 1 });
}

function bool(o: Obj, k: string, path: string): boolean {
  if (typeof o[k] !== 'boolean') throw new Damaged(`${path}.${k}`, 'expected true or false');
  return o[k];
}

function oneOf<T extends string>(o: Obj, k: string, path: string, allowed: readonly T[], nullable = false): T {
  const v = o[k];
  if (nullable && (v === null || v === undefined)) return null as unknown as T;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new Damaged(`${path}.${k}`, `expected one of ${allowed.join(', ')}`);
  return v as T;
}

function strings(o: Obj, k: string, path: string, max: number, maxItems: number): string[] {
  const v = o[k];
  if (!Array.isArray(v)) throw new Damaged(`${path}.${k}`, 'expected a list');
  if (v.length > maxItems) throw new Damaged(`${path}.${k}`, `more than ${maxItems} entries`);
  return v.map((x, i) => {
    if (typeof x !== 'string' || x.length > max) throw new Damaged(`${path}.${k}[${i}]`, `expected text of at most ${max} characters`);
    return x;
  });
}

function httpUrl(o: Obj, k: string, path: string): string;
function httpUrl(v: unknown, k: null, path: string): string;
function httpUrl(o: Obj | unknown, k: string | null, path: string): string {
  const v = k === null ? o : (o as Obj)[k];
  const at = k === null ? path : `${path}.${k}`;
  if (typeof v !== 'string' || v.length > LIMITS.url) throw new Damaged(at, 'expected a web address');
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Damaged(at, 'not a web address');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Damaged(at, 'only http and https addresses are accepted');
  return v;
}

const TIME = { min: 0, max: 8.64e15 };
const KINDS = ['direct', 'partial', 'block'] as const;
const TYPES = ['person', 'organization', 'document', 'descriptor'] as const;

function list(file: Obj, k: string): unknown[] {
  const v = file[k];
  if (!Array.isArray(v)) throw new Damaged(k, 'expected a list');
  return v;
}

function uniqueIds<T extends { id: number }>(rows: T[], what: string): Map<number, T> {
  const out = new Map<number, T>();
  rows.forEach((r, i) => {
    if (out.has(r.id)) throw new Damaged(`${what}[${i}].id`, `id ${r.id} appears twice`);
    out.set(r.id, r);
  });
  return out;
}

/** Check a whole export; throws a `StoreError` (code `invalid`) naming the first problem. */
export function validateExport(data: unknown): ExportFile {
  if (!isObj(data) || data.format !== EXPORT_FORMAT) {
    throw new StoreError('invalid', 'This file is not a Quotemark export (export files come from Quotemark\'s "Export as JSON"). Nothing was changed.');
  }
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) throw new Damaged('version', 'expected a format version');
  if (data.version > EXPORT_VERSION) {
    throw new StoreError('invalid', `This export comes from a newer Quotemark (format ${data.version}; this one reads format ${EXPORT_VERSION}). Update Quotemark to import it. Nothing was changed.`);
  }
  const articles: ExportArticle[] = list(data, 'articles').map((v, i) => {
    const p = `articles[${i}]`;
    if (!isObj(v)) throw new Damaged(p, 'expected an object');
    const urls = strings(v, 'urls', p, LIMITS.url, 100).map((u, j) => httpUrl(u, null, `${p}.urls[${j}]`));
    const url = httpUrl(v, 'url', p);
    return {
      id: num(v, 'id', p, { int: true, min: 1 }),
      url,
      urls: urls.includes(url) ? urls : [url, ...urls],
      site: str(v, 'site', p, LIMITS.shortString),
      siteName: strOrNull(v, 'siteName', p, LIMITS.shortString),
      title: str(v, 'title', p, LIMITS.title),
      authors: strings(v, 'authors', p, LIMITS.shortString, LIMITS.authors),
      published: strOrNull(v, 'published', p, LIMITS.shortString),
      date: num(v, 'date', p, { min: -TIME.max, max: TIME.max }),
      firstSeen: num(v, 'firstSeen', p, TIME),
      lastSeen: num(v, 'lastSeen', p, TIME),
    };
  });
  const articleIds = uniqueIds(articles, 'articles');
  const speakers: ExportSpeaker[] = list(data, 'speakers').map((v, i) => {
    const p = `speakers[${i}]`;
    if (!isObj(v)) throw new Damaged(p, 'expected an object');
    const scope = oneOf(v, 'scope', p, ['global', 'article'] as const);
    const articleId = idOrNull(v, 'articleId', p);
    if (scope === 'article' && (articleId === null || !articleIds.has(articleId))) throw new Damaged(`${p}.articleId`, 'an article-local speaker needs an article of this export');
    const keys = strings(v, 'keys', p, LIMITS.shortString + 40, 1000);
    keys.forEach((k, j) => {
      if (!/^(n:|l:\d+:)/.test(k)) throw new Damaged(`${p}.keys[${j}]`, 'not a speaker key');
    });
    return {
      id: num(v, 'id', p, { int: true, min: 1 }),
      name: str(v, 'name', p, LIMITS.shortString),
      type: oneOf(v, 'type', p, TYPES, true),
      scope,
      articleId: scope === 'article' ? articleId : null,
      keys,
      aliases: strings(v, 'aliases', p, LIMITS.shortString, 1000),
    };
  });
  const speakerIds = uniqueIds(speakers, 'speakers');
  const quotes: ExportQuote[] = list(data, 'quotes').map((v, i) => {
    const p = `quotes[${i}]`;
    if (!isObj(v)) throw new Damaged(p, 'expected an object');
    const articleId = num(v, 'articleId', p, { int: true, min: 1 });
    if (!articleIds.has(articleId)) throw new Damaged(`${p}.articleId`, 'refers to no article of this export');
    const speakerId = idOrNull(v, 'speakerId', p);
    if (speakerId !== null && !speakerIds.has(speakerId)) throw new Damaged(`${p}.speakerId`, 'refers to no speaker of this export');
    const text = str(v, 'text', p, LIMITS.quoteChars);
    if (!normalizeQuote(text)) throw new Damaged(`${p}.text`, 'empty');
    return {
      id: num(v, 'id', p, { int: true, min: 1 }),
      articleId,
      speakerId,
      text,
      speakerName: strOrNull(v, 'speakerName', p, LIMITS.shortString),
      mention: strOrNull(v, 'mention', p, LIMITS.shortString),
      role: strOrNull(v, 'role', p, LIMITS.shortString),
      cue: strOrNull(v, 'cue', p, LIMITS.shortString),
      kind: oneOf(v, 'kind', p, KINDS),
      confidence: num(v, 'confidence', p, { min: 0, max: 1 }),
      block: num(v, 'block', p, { int: true, min: 0, max: 1_000_000 }),
      start: num(v, 'start', p, { int: true, min: 0, max: 10_000_000 }),
      end: num(v, 'end', p, { int: true, min: 0, max: 10_000_000 }),
      before: str(v, 'before', p, LIMITS.contextChars),
      after: str(v, 'after', p, LIMITS.contextChars),
      url: httpUrl(v, 'url', p),
      seen: num(v, 'seen', p, TIME),
      groupId: idOrNull(v, 'groupId', p),
      origin: oneOf(v, 'origin', p, ['page', 'manual'] as const),
      speakerFixed: bool(v, 'speakerFixed', p),
    };
  });
  uniqueIds(quotes, 'quotes');
  const deletions: ExportDeletion[] = list(data, 'deletions').map((v, i) => {
    const p = `deletions[${i}]`;
    if (!isObj(v)) throw new Damaged(p, 'expected an object');
    const articleId = num(v, 'articleId', p, { int: true, min: 1 });
    if (!articleIds.has(articleId)) throw new Damaged(`${p}.articleId`, 'refers to no article of this export');
    return { articleId, norm: str(v, 'norm', p, LIMITS.quoteChars), deleted: num(v, 'deleted', p, TIME) };
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: typeof data.exportedAt === 'string' ? data.exportedAt : '', articles, speakers, quotes, deletions };
}

// ---------------------------------------------------------------------------------------------
// import

function remapKey(key: string, articleMap: Map<number, number>): string | null {
  const m = /^l:(\d+):(.*)$/s.exec(key);
  if (!m) return key;
  const to = articleMap.get(Number(m[1]));
  return to === undefined ? null : `l:${to}:${m[2]}`;
}

/**
 * Import a JSON export (text or parsed). The whole file is checked first; then, in one
 * transaction, articles are matched by address, speakers by name keys, quotes by article and
 * text, and only what is missing is added. Throws a `StoreError` with a message to show; on any
 * failure nothing changes.
 */
export async function importJson(db: QuotemarkDB, input: string | unknown, now: number = Date.now()): Promise<ImportResult> {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      throw new StoreError('invalid', 'This file is not JSON, so it is not a Quotemark export. Nothing was changed.');
    }
  }
  const file = validateExport(data);
  return guardWrite(() => writing(db, (db) => importInTransaction(db, file, now)));
}

async function importInTransaction(db: QuotemarkDB, file: ExportFile, now: number): Promise<ImportResult> {
  const hadQuotes = (await db.quotes.limit(1).count()) > 0;
  const result: ImportResult = { articles: 0, speakers: 0, quotes: 0, skipped: 0 };

  // articles, matched by any of their addresses
  const allUrls = [...new Set(file.articles.flatMap((a) => a.urls))];
  const existingArticles = allUrls.length ? await db.articles.where('urls').anyOf(allUrls).toArray() : [];
  const byUrl = new Map<string, ArticleRow>();
  for (const a of existingArticles.sort((x, y) => x.id! - y.id!)) for (const u of a.urls) if (!byUrl.has(u)) byUrl.set(u, a);
  const articleMap = new Map<number, number>();
  const articleRows = new Map<number, ArticleRow>();
  const newArticles: ArticleRow[] = [];
  const changedArticles = new Set<ArticleRow>();
  for (const a of file.articles) {
    const hit = byUrl.get(a.url) ?? a.urls.map((u) => byUrl.get(u)).find(Boolean);
    if (hit) {
      for (const u of a.urls) {
        if (!hit.urls.includes(u)) {
          hit.urls.push(u);
          changedArticles.add(hit);
        }
      }
      if (a.firstSeen < hit.firstSeen || a.lastSeen > hit.lastSeen) {
        hit.firstSeen = Math.min(hit.firstSeen, a.firstSeen);
        hit.lastSeen = Math.max(hit.lastSeen, a.lastSeen);
        changedArticles.add(hit);
      }
      articleRows.set(a.id, hit);
      continue;
    }
    const row: ArticleRow = { url: a.url, urls: a.urls, site: a.site, siteName: a.siteName, title: a.title, authors: a.authors, published: a.published, date: a.date, firstSeen: a.firstSeen, lastSeen: a.lastSeen, quoteCount: 0 };
    newArticles.push(row);
    articleRows.set(a.id, row);
    for (const u of a.urls) if (!byUrl.has(u)) byUrl.set(u, row);
  }
  if (newArticles.length) {
    const ids = await db.articles.bulkAdd(newArticles, { allKeys: true });
    newArticles.forEach((r, i) => (r.id = ids[i]));
    result.articles = newArticles.length;
  }
  for (const [oldId, row] of articleRows) articleMap.set(oldId, row.id!);

  // speakers, matched by their identity keys
  const keysOf = new Map(file.speakers.map((s) => [s.id, s.keys.map((k) => remapKey(k, articleMap)).filter((k): k is string => k !== null)]));
  const allKeys = [...new Set([...keysOf.values()].flat())];
  const existingSpeakers = allKeys.length ? await db.speakers.where('keys').anyOf(allKeys).toArray() : [];
  const owner = new Map<string, SpeakerRow>();
  for (const s of existingSpeakers.sort((x, y) => x.id! - y.id!)) for (const k of s.keys) if (!owner.has(k)) owner.set(k, s);
  const speakerRows = new Map<number, SpeakerRow>();
  const newSpeakers: SpeakerRow[] = [];
  const touchedSpeakers = new Set<SpeakerRow>();
  for (const s of file.speakers) {
    const keys = keysOf.get(s.id)!;
    const hit = keys.map((k) => owner.get(k)).find(Boolean);
    if (hit) {
      for (const k of keys) {
        if (!owner.has(k)) {
          hit.keys.push(k);
          owner.set(k, hit);
          touchedSpeakers.add(hit);
        }
      }
      const before = hit.aliases.length;
      addAlias(hit, s.name);
      for (const a of s.aliases) addAlias(hit, a);
      if (hit.aliases.length !== before) touchedSpeakers.add(hit);
      speakerRows.set(s.id, hit);
      continue;
    }
    const articleId = s.scope === 'article' ? (articleMap.get(s.articleId!) ?? null) : null;
    const row = speakerRow({ name: s.name, type: s.type, scope: s.scope, articleId, keys: keys.filter((k) => !owner.has(k)), aliases: [...s.aliases] });
    for (const k of row.keys) owner.set(k, row);
    newSpeakers.push(row);
    speakerRows.set(s.id, row);
  }
  if (newSpeakers.length) {
    const ids = await db.speakers.bulkAdd(newSpeakers, { allKeys: true });
    newSpeakers.forEach((r, i) => (r.id = ids[i]));
    result.speakers = newSpeakers.length;
  }

  // quotes, matched by article and normalised text
  const pairs = file.quotes.map((q) => [articleMap.get(q.articleId)!, normalizeQuote(q.text)] as [number, string]);
  const existingQuotes = pairs.length ? await db.quotes.where('[articleId+norm]').anyOf(pairs).toArray() : [];
  const stored = new Map(existingQuotes.map((q) => [`${q.articleId}\u0000${q.norm}`, q]));
  const fresh: QuoteRow[] = [];
  const addedTo = new Map<ArticleRow, number>();
  const groupMembers = new Map<number, QuoteRow[]>();
  file.quotes.forEach((q, i) => {
    const [articleId, norm] = pairs[i];
    const k = `${articleId}\u0000${norm}`;
    const had = stored.get(k);
    if (had) {
      result.skipped++;
      if (q.groupId !== null) groupMembers.set(q.groupId, [...(groupMembers.get(q.groupId) ?? []), had]);
      return;
    }
    const article = articleRows.get(q.articleId)!;
    const speaker = q.speakerId !== null ? speakerRows.get(q.speakerId)! : null;
    const row: QuoteRow = {
      ...pick(q, QUOTE_OWN_FIELDS),
      articleId,
      speakerId: null,
      norm,
      site: article.site,
      date: article.date,
      negDate: -article.date,
      speakerSort: '',
      words: [],
      sketch: sketch(q.text),
      groupId: null,
    };
    applySpeaker(row, speaker);
    if (speaker) {
      countQuote(speaker, row);
      touchedSpeakers.add(speaker);
    }
    article.quoteCount++;
    changedArticles.add(article);
    addedTo.set(article, (addedTo.get(article) ?? 0) + 1);
    stored.set(k, row);
    fresh.push(row);
    if (q.groupId !== null) {
      groupMembers.set(q.groupId, [...(groupMembers.get(q.groupId) ?? []), row]);
    }
  });

  // groups as the export had them, joined with the groups their members already have here
  const touchedGroups = new Set<number>();
  const changedExisting = new Set<QuoteRow>();
  for (const members of groupMembers.values()) {
    if (members.length < 2 || !members.some((m) => m.id === undefined)) continue;
    const local = [...new Set(members.map((m) => m.groupId).filter((g): g is number => g != null))].sort((a, b) => a - b);
    const target = local[0] ?? (await db.groups.add({ size: 0, created: now }));
    for (const other of local.slice(1)) {
      await db.quotes.where('groupId').equals(other).modify({ groupId: target });
      await db.groups.delete(other);
    }
    for (const m of members) {
      if (m.groupId === target) continue;
      m.groupId = target;
      if (m.id !== undefined) changedExisting.add(m);
    }
    touchedGroups.add(target);
  }
  if (changedExisting.size) await db.quotes.bulkPut([...changedExisting]);
  // quotes new to this collection that the export saw once may repeat a statement already here
  if (hadQuotes) {
    const ungrouped = fresh.filter((q) => q.groupId == null);
    for (let i = 0; i < ungrouped.length; i += 200) for (const g of await groupNewQuotes(db, ungrouped.slice(i, i + 200), now)) touchedGroups.add(g);
  }
  if (fresh.length) await db.quotes.bulkAdd(fresh);
  result.quotes = fresh.length;
  await settleGroups(db, touchedGroups);

  if (file.deletions.length) {
    const rows: DeletionRow[] = file.deletions.map((d) => ({ articleId: articleMap.get(d.articleId)!, norm: d.norm, deleted: d.deleted }));
    const have = await db.deletions.bulkGet(rows.map((r) => [r.articleId, r.norm] as [number, string]));
    const missing = rows.filter((_, i) => !have[i]);
    if (missing.length) await db.deletions.bulkPut(missing);
  }
  await applyTallies(db, touchedSpeakers);
  const speakersToWrite = [...touchedSpeakers].filter((s) => s.id !== undefined);
  if (speakersToWrite.length) await db.speakers.bulkPut(speakersToWrite);
  if (changedArticles.size) await db.articles.bulkPut([...changedArticles]);
  const sites = new SiteChanges();
  const created = new Set(newArticles);
  for (const a of new Set([...newArticles, ...addedTo.keys()])) sites.add(a.site, created.has(a) ? 1 : 0, addedTo.get(a) ?? 0, a.lastSeen, a.siteName);
  await sites.apply(db);
  return result;
}
