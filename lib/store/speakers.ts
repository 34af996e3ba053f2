/**
 * Speakers in the database: finding the speaker a name belongs to (inside a write transaction),
 * and keeping each speaker's counts, sites and roles. Naming rules are in `names.ts`.
 */
import type { SpeakerType } from '../extract/types';
import type { QuotemarkDB } from './db';
import { displayName, isArticleLocal, isPersonLike, matchScore, nameWords, parsePerson, speakerKey, speakerNameWords, type PersonName } from './names';
import { fold } from './normalize';
import type { QuoteRow, SpeakerRef, SpeakerRow, SpeakerView, Tally, TallyRow } from './types';

// ---------------------------------------------------------------------------------------------
// tallies

export function tallyAdd(t: Tally, value: string | null | undefined, n = 1): void {
  if (!value) return;
  const i = t.findIndex(([v]) => v === value);
  if (i >= 0) {
    t[i][1] += n;
    if (t[i][1] <= 0) t.splice(i, 1);
  } else if (n > 0) t.push([value, n]);
}

/** Values of a tally, most frequent first (ties: first seen first). */
export function tallyValues(t: Tally): string[] {
  return t
    .map(([v, c], i) => ({ v, c, i }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((x) => x.v);
}

const MAX_ALIASES = 30;

export function addAlias(row: SpeakerRow, name: string | null | undefined): void {
  if (!name || !name.trim()) return;
  const f = fold(name.trim());
  if (fold(row.name) === f || row.aliases.some((a) => fold(a) === f) || row.aliases.length >= MAX_ALIASES) return;
  row.aliases.push(name.trim());
  if (row.scope === 'global') row.nameWords = speakerNameWords([row.name, ...row.aliases]);
}

export function addKey(row: SpeakerRow, key: string): void {
  if (!row.keys.includes(key)) row.keys.push(key);
}

/** Recompute the fields that follow from counts. */
export function settle(row: SpeakerRow): void {
  row.listed = row.scope === 'global' && row.quoteCount > 0 ? 1 : 0;
  if (row.quoteCount <= 0) {
    row.quoteCount = 0;
    row.firstQuoted = 0;
    row.lastQuoted = 0;
  }
}

/** Sites and roles kept in the speaker row for lists. */
export const TOP_SITES = 8;
export const TOP_ROLES = 3;

interface TallyChange {
  sites: Map<string, number>;
  roles: Map<string, number>;
}

/**
 * Per-site and per-role changes of speakers, kept in memory during a write and applied to their
 * tally rows once at its end (`applyTallies`): counting stays synchronous, and a speaker's tally is
 * read and written once per write however many of their quotes came or went.
 */
const tallyChanges = new WeakMap<SpeakerRow, TallyChange>();

function change(row: SpeakerRow, q: Pick<QuoteRow, 'site' | 'role'>, n: number): void {
  let c = tallyChanges.get(row);
  if (!c) tallyChanges.set(row, (c = { sites: new Map(), roles: new Map() }));
  c.sites.set(q.site, (c.sites.get(q.site) ?? 0) + n);
  if (q.role) c.roles.set(q.role, (c.roles.get(q.role) ?? 0) + n);
}

/** Whether a row has tally changes not yet applied. */
export function hasTallyChanges(row: SpeakerRow): boolean {
  const c = tallyChanges.get(row);
  return !!c && ([...c.sites.values()].some((n) => n !== 0) || [...c.roles.values()].some((n) => n !== 0));
}

/** Fill a row's top sites and roles from its full tally. */
function summarise(row: SpeakerRow, t: TallyRow): void {
  row.topSites = tallyValues(t.sites).slice(0, TOP_SITES);
  row.siteCount = t.sites.length;
  row.topRoles = tallyValues(t.roles).slice(0, TOP_ROLES);
  row.roleCount = t.roles.length;
}

/**
 * Apply the tally changes counted on these speakers to their tally rows, and their top sites and
 * roles to the rows themselves. Returns the speakers whose rows changed by it (write them after).
 */
export async function applyTallies(db: QuotemarkDB, rows: Iterable<SpeakerRow>): Promise<SpeakerRow[]> {
  const [changed, written] = await stageTallies(db, rows);
  await written;
  return changed;
}

/** `applyTallies`, with the tally write handed back in flight (to await with other writes). */
async function stageTallies(db: QuotemarkDB, rows: Iterable<SpeakerRow>): Promise<[SpeakerRow[], Promise<unknown>]> {
  const pending = [...new Set(rows)].filter((r) => r.id != null && tallyChanges.has(r));
  if (!pending.length) return [[], Promise.resolve()];
  const stored = await db.tallies.bulkGet(pending.map((r) => r.id!));
  const out: TallyRow[] = pending.map((r, i) => {
    const t: TallyRow = stored[i] ?? { speakerId: r.id!, sites: [], roles: [] };
    const c = tallyChanges.get(r)!;
    for (const [site, n] of c.sites) tallyAdd(t.sites, site, n);
    for (const [role, n] of c.roles) tallyAdd(t.roles, role, n);
    tallyChanges.delete(r);
    summarise(r, t);
    return t;
  });
  return [pending, db.tallies.bulkPut(out)];
}

/** A quote joins a speaker: count and dates now, site and role at `applyTallies`. */
export function countQuote(row: SpeakerRow, q: Pick<QuoteRow, 'site' | 'role' | 'date'>): void {
  row.quoteCount++;
  change(row, q, 1);
  row.firstQuoted = row.firstQuoted ? Math.min(row.firstQuoted, q.date) : q.date;
  row.lastQuoted = Math.max(row.lastQuoted, q.date);
  settle(row);
}

/**
 * A quote leaves a speaker. Returns true when the speaker's first or last date may have changed
 * (the caller then recomputes them with `refreshDates`).
 */
export function uncountQuote(row: SpeakerRow, q: Pick<QuoteRow, 'site' | 'role' | 'date'>): boolean {
  row.quoteCount--;
  change(row, q, -1);
  settle(row);
  return row.quoteCount > 0 && (q.date <= row.firstQuoted || q.date >= row.lastQuoted);
}

function speakerRange(id: number): [unknown[], unknown[]] {
  return [
    [id, -Infinity, -Infinity],
    [id, Infinity, Infinity],
  ];
}

/** The speaker's quotes, through the `[speakerId+date+id]` index. */
export function quotesOfSpeaker(db: QuotemarkDB, id: number) {
  const [lo, hi] = speakerRange(id);
  return db.quotes.where('[speakerId+date+id]').between(lo, hi);
}

/** First and last quote dates from the index (after removals). */
export async function refreshDates(db: QuotemarkDB, row: SpeakerRow): Promise<void> {
  const [first, last] = await Promise.all([quotesOfSpeaker(db, row.id!).first(), quotesOfSpeaker(db, row.id!).last()]);
  row.firstQuoted = first?.date ?? 0;
  row.lastQuoted = last?.date ?? 0;
}

/** Recount everything about a speaker from their quotes and write their tally (after a merge or split). */
export async function recount(db: QuotemarkDB, row: SpeakerRow): Promise<void> {
  tallyChanges.delete(row);
  const t: TallyRow = { speakerId: row.id!, sites: [], roles: [] };
  row.quoteCount = 0;
  row.firstQuoted = 0;
  row.lastQuoted = 0;
  await quotesOfSpeaker(db, row.id!).each((q) => {
    row.quoteCount++;
    tallyAdd(t.sites, q.site);
    tallyAdd(t.roles, q.role);
    row.firstQuoted = row.firstQuoted ? Math.min(row.firstQuoted, q.date) : q.date;
    row.lastQuoted = Math.max(row.lastQuoted, q.date);
  });
  settle(row);
  summarise(row, t);
  await db.tallies.put(t);
}

/** A speaker row with no quotes yet: its search words and surname derived from its names. */
export function speakerRow(f: Pick<SpeakerRow, 'name' | 'type' | 'scope' | 'articleId' | 'keys' | 'aliases'>): SpeakerRow {
  const global = f.scope === 'global';
  return {
    ...f,
    surname: global && isPersonLike(f.type) ? (parsePerson(f.name)?.surname ?? null) : null,
    nameWords: global ? speakerNameWords([f.name, ...f.aliases]) : [],
    topSites: [],
    siteCount: 0,
    topRoles: [],
    roleCount: 0,
    quoteCount: 0,
    firstQuoted: 0,
    lastQuoted: 0,
    listed: 0,
  };
}

export function newSpeaker(name: string, type: SpeakerType | null, articleId: number): SpeakerRow {
  const local = isArticleLocal(name, type);
  const row = speakerRow({ name: displayName(name, type), type, scope: local ? 'article' : 'global', articleId: local ? articleId : null, keys: [speakerKey(name, type, articleId)], aliases: [] });
  // the name as the article gave it (titles included) is searchable too
  if (!local) row.nameWords = speakerNameWords([name]);
  return row;
}

export function speakerRef(row: SpeakerRow): SpeakerRef {
  return { id: row.id!, name: row.name, type: row.type, scope: row.scope };
}

/** A speaker for lists: their first few sites and roles, and how many in all. */
export function speakerView(row: SpeakerRow): SpeakerView {
  return {
    ...speakerRef(row),
    aliases: row.aliases,
    roles: row.topRoles,
    roleCount: row.roleCount,
    sites: row.topSites,
    siteCount: row.siteCount,
    quoteCount: row.quoteCount,
    firstQuoted: row.firstQuoted,
    lastQuoted: row.lastQuoted,
  };
}

/** A speaker with every site and role (one speaker's page). */
export async function fullSpeakerView(db: QuotemarkDB, row: SpeakerRow): Promise<SpeakerView> {
  const t = await db.tallies.get(row.id!);
  return { ...speakerView(row), sites: t ? tallyValues(t.sites) : row.topSites, roles: t ? tallyValues(t.roles) : row.topRoles };
}

// ---------------------------------------------------------------------------------------------
// resolving names to speakers

export interface NameRequest {
  name: string;
  type: SpeakerType | null;
}

/**
 * Finds (or creates) the speakers for names met in one article, inside a write transaction.
 * Rows it loads or changes stay cached, so counts can be adjusted in memory and written once
 * with `flush`.
 */
export class SpeakerResolver {
  private readonly byId = new Map<number, SpeakerRow>();
  private readonly byKey = new Map<string, SpeakerRow>();
  private readonly parsed = new WeakMap<SpeakerRow, PersonName | null>();
  private readonly created: SpeakerRow[] = [];
  /** Each loaded row as it was stored, to write back only what changed. */
  private readonly stored = new WeakMap<SpeakerRow, string>();
  /** Speakers whose shown name changed (their quotes' sort keys and search words follow). */
  readonly renamed = new Set<SpeakerRow>();
  /** Speakers whose first/last dates need a look at the index. */
  readonly staleDates = new Set<SpeakerRow>();

  constructor(
    private readonly db: QuotemarkDB,
    private readonly articleId: number,
  ) {}

  private remember(row: SpeakerRow): SpeakerRow {
    const had = row.id != null ? this.byId.get(row.id) : undefined;
    if (had) return had;
    if (row.id != null) this.byId.set(row.id, row);
    for (const k of row.keys) if (!this.byKey.has(k)) this.byKey.set(k, row);
    return row;
  }

  private person(row: SpeakerRow): PersonName | null {
    if (!this.parsed.has(row)) this.parsed.set(row, parsePerson(row.name));
    return this.parsed.get(row) ?? null;
  }

  /** Rows by id, loaded once (for adjusting counts of quotes that leave a speaker). */
  async load(ids: Iterable<number>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.byId.has(id));
    if (!missing.length) return;
    const rows = await this.db.speakers.bulkGet(missing);
    for (const r of rows) if (r) this.remember(r);
  }

  /** Note a row as it is stored, before it may change (only such rows are written back). */
  private snap(row: SpeakerRow): SpeakerRow {
    if (!this.stored.has(row)) this.stored.set(row, JSON.stringify(row));
    return row;
  }

  get(id: number | null): SpeakerRow | undefined {
    const row = id == null ? undefined : this.byId.get(id);
    return row && this.snap(row);
  }

  /**
   * Write back what changed: first and last dates of speakers that lost quotes, the sort keys and
   * search words of the quotes of speakers whose name changed, and every changed speaker row.
   * `applySpeaker` fills a quote's derived fields (passed in to keep this module free of save.ts).
   */
  async finish(applySpeaker: (q: QuoteRow, s: SpeakerRow) => void, stale: Iterable<SpeakerRow> = []): Promise<void> {
    for (const s of this.renamed) await quotesOfSpeaker(this.db, s.id!).modify((q: QuoteRow) => applySpeaker(q, s));
    const [[tallied, tallyWrite]] = await Promise.all([stageTallies(this.db, [...this.byId.values(), ...this.created]), ...[...new Set([...this.staleDates, ...stale])].map((s) => refreshDates(this.db, s))]);
    const dirty = [...new Set([...this.changedRows(), ...tallied])];
    await Promise.all([tallyWrite, dirty.length ? this.db.speakers.bulkPut(dirty) : null]);
  }

  /** Every row created, or handed out and changed since, for writing back. */
  changedRows(): SpeakerRow[] {
    return [...new Set([...this.byId.values(), ...this.created])].filter((r) => this.stored.has(r) && this.stored.get(r) !== JSON.stringify(r));
  }

  /** The speaker of each name, by `keyOf(request)`. Creates speakers for new names. */
  async resolve(requests: NameRequest[]): Promise<Map<string, SpeakerRow>> {
    const out = new Map<string, SpeakerRow>();
    const pending = new Map<string, NameRequest>();
    for (const r of requests) {
      if (!r.name.trim()) continue;
      const key = this.keyOf(r);
      const hit = this.byKey.get(key);
      if (hit) out.set(key, this.snap(hit));
      else pending.set(key, r);
    }
    if (pending.size) {
      const found = (await Promise.all([...pending.keys()].map((k) => this.db.speakers.where('keys').equals(k).toArray()))).flat();
      found.sort((a, b) => a.id! - b.id!);
      for (const row of found) this.remember(row);
      for (const key of [...pending.keys()]) {
        const hit = this.byKey.get(key);
        if (hit) {
          out.set(key, this.snap(hit));
          pending.delete(key);
        }
      }
    }
    if (!pending.size) return out;

    // people not known by this exact name: variants of a known person with the same surname
    const people = [...pending].filter(([, r]) => !isArticleLocal(r.name, r.type) && isPersonLike(r.type)).map(([key, r]) => ({ key, r, p: parsePerson(r.name) }));
    const surnames = [...new Set(people.map((x) => x.p?.surname).filter((s): s is string => !!s))];
    const pool = new Map<string, SpeakerRow[]>();
    if (surnames.length) {
      const rows = (await Promise.all(surnames.map((n) => this.db.speakers.where('surname').equals(n).toArray()))).flat();
      rows.sort((a, b) => a.id! - b.id!);
      for (const row of rows) {
        const r = this.remember(row);
        if (r.scope !== 'global' || !r.surname) continue;
        pool.set(r.surname, [...(pool.get(r.surname) ?? []), r]);
      }
    }
    // fuller names first, so a surname alone on the same page can join the person just created
    people.sort((a, b) => nameWords(b.r.name).length - nameWords(a.r.name).length);
    // the engine has already told this article's people apart: two different full names on one
    // page are two people ("Donald Tramp" and "Donald Tramp Jr."), so one may not take the other's speaker
    const claimed = new Map<SpeakerRow, string>();
    for (const r of requests) {
      const hit = out.get(this.keyOf(r));
      if (hit && parsePerson(r.name)?.given) claimed.set(hit, this.keyOf(r));
    }
    for (const { key, r, p } of people) {
      if (!p) continue;
      const candidates = [...new Set(pool.get(p.surname) ?? [])].filter((c) => !p.given || !claimed.has(c) || claimed.get(c) === key);
      const row = this.match(p, candidates);
      if (row) {
        this.snap(row);
        if (!this.person(row)?.given && p.given) this.upgrade(row, r.name);
        addKey(row, key);
        this.byKey.set(key, row);
        addAlias(row, r.name);
        if (r.type === 'person' && row.type === null) row.type = 'person';
        out.set(key, row);
        if (p.given) claimed.set(row, key);
      } else {
        const created = this.create(key, r);
        pool.set(p.surname, [...(pool.get(p.surname) ?? []), created]);
        out.set(key, created);
        if (p.given) claimed.set(created, key);
      }
      pending.delete(key);
    }
    for (const [key, r] of pending) out.set(key, this.create(key, r));

    if (this.created.length) {
      const ids = await this.db.speakers.bulkAdd(this.created.filter((c) => c.id == null), { allKeys: true });
      this.created.filter((c) => c.id == null).forEach((c, i) => {
        c.id = ids[i];
        this.byId.set(c.id, c);
        this.stored.set(c, '');
      });
    }
    return out;
  }

  /** The identity key a name is looked up by, in this article. */
  keyOf(r: NameRequest): string {
    return speakerKey(r.name, r.type, this.articleId);
  }

  private create(key: string, r: NameRequest): SpeakerRow {
    const row = newSpeaker(r.name, r.type, this.articleId);
    row.keys = [key];
    this.created.push(row);
    this.byKey.set(key, row);
    return row;
  }

  /** A surname-only speaker gets the first full name met for them. */
  private upgrade(row: SpeakerRow, fullName: string): void {
    const old = row.name;
    row.name = displayName(fullName, row.type);
    row.aliases = row.aliases.filter((a) => fold(a) !== fold(row.name));
    addAlias(row, old);
    this.parsed.delete(row);
    row.nameWords = speakerNameWords([row.name, ...row.aliases]);
    this.renamed.add(row);
  }

  /** The known person a name belongs to, or null (new person, or ambiguous). */
  private match(p: PersonName, candidates: SpeakerRow[]): SpeakerRow | null {
    const full = candidates.filter((c) => this.person(c)?.given);
    const surnameOnly = candidates.filter((c) => !this.person(c)?.given);
    if (!p.given) {
      // a surname alone: the one person known by that surname, if there is exactly one
      if (full.length === 1) return full[0];
      return null;
    }
    let best: SpeakerRow | null = null;
    let bestScore = -1;
    let tie = false;
    for (const c of full) {
      const known = this.person(c)!;
      let score = matchScore(p, known);
      // a name form the speaker was seen with (or could be) also counts: "J. Smith" known as "John Smith"
      if (score < 0) continue;
      for (const alias of c.aliases) {
        const a = parsePerson(alias);
        if (a && a.given && matchScore(p, a) < 0) score = -1;
      }
      if (score < 0) continue;
      if (score > bestScore) {
        best = c;
        bestScore = score;
        tie = false;
      } else if (score === bestScore) tie = true;
    }
    if (best && !tie) return best;
    if (best && tie) return null;
    // nobody with a first name fits: a surname-only speaker becomes this person, if the surname is theirs alone
    if (!full.length && surnameOnly.length === 1) return surnameOnly[0];
    return null;
  }
}
