/**
 * What the store keeps (rows) and what its reads return (views). Rows are the stored shape of the
 * current schema version; views are rows joined with what the UI shows next to them.
 */
import type { QuoteKind, SpeakerType } from '../extract/types';

/** Counts by value, most frequent first when read (pairs, not an object: values are arbitrary page text). */
export type Tally = [value: string, count: number][];

export interface ArticleRow {
  id?: number;
  /** Canonical URL: the article's identity. */
  url: string;
  /** Every address the article was read at, canonical included (for "this page" lookups). */
  urls: string[];
  site: string;
  siteName: string | null;
  title: string;
  authors: string[];
  published: string | null;
  /** When it was published if known, else when first seen (ms since epoch). Every quote carries it. */
  date: number;
  firstSeen: number;
  lastSeen: number;
  quoteCount: number;
}

/**
 * A speaker. People and organisations are global: one row across every article, found by the
 * identity keys of every name form seen for them. Documents and descriptors ("the letter",
 * "a spokesman") are local to their article: "the letter" in two articles is two speakers.
 */
export interface SpeakerRow {
  id?: number;
  /** The name shown: the first full form seen (a surname alone is replaced by the first full name). */
  name: string;
  type: SpeakerType | null;
  scope: 'global' | 'article';
  /** The article of an article-local speaker; null for global speakers. */
  articleId: number | null;
  /** Identity keys (`n:joe biden`, `l:12:the letter`): saving finds the speaker through them. */
  keys: string[];
  /** For people: the surname, to find name variants ("Joe Biden" for "President Joseph R. Biden"). */
  surname: string | null;
  /** Name words, for filtering the speakers list by a name prefix (global speakers only). */
  nameWords: string[];
  /** Other name forms seen for this speaker. */
  aliases: string[];
  /** The sites that quoted them most (at most `TOP_SITES`, most quotes first), and how many sites in all. */
  topSites: string[];
  siteCount: number;
  /** The roles articles gave them most ("State Department spokesperson"), and how many roles in all. */
  topRoles: string[];
  roleCount: number;
  quoteCount: number;
  /** Dates of their earliest and latest quote (ms); 0 when they have none. */
  firstQuoted: number;
  lastQuoted: number;
  /** 1 when the speaker appears in the speakers lists (global with at least one quote), else 0. */
  listed: 0 | 1;
}

export interface QuoteRow {
  id?: number;
  articleId: number;
  speakerId: number | null;
  /** Normalised text: identity of the quote within its article. */
  norm: string;
  /** The exact text as on the page. */
  text: string;
  /** The speaker as the article named them (the engine's fullest name), or as the user set it. */
  speakerName: string | null;
  mention: string | null;
  role: string | null;
  cue: string | null;
  kind: QuoteKind;
  confidence: number;
  block: number;
  start: number;
  end: number;
  before: string;
  after: string;
  site: string;
  /** The address the quote was read at. */
  url: string;
  /** The article's date (published, else first seen), ms. */
  date: number;
  /** `-date`: the library's "by speaker" order lists each speaker's newest quotes first. */
  negDate: number;
  /** When it was first collected, ms. */
  seen: number;
  /** The speaker's sort key (surname first) for the "by speaker" order. */
  speakerSort: string;
  /** Search words: the quote's words and its speaker's name words. */
  words: string[];
  /** MinHash sketch for finding the same statement in other articles (empty: too short). */
  sketch: number[];
  /** The group of the same statement across articles, or null when seen once. */
  groupId: number | null;
  /** `page`: captured by the extension; `manual`: saved by the user from a selection. */
  origin: 'page' | 'manual';
  /** The user chose this quote's speaker: a later visit of the page keeps it. */
  speakerFixed: boolean;
}

/**
 * A speaker's full counts per site and per role (schema v3): kept out of the speaker row, so the
 * speakers list reads small rows however many sites quoted someone.
 */
export interface TallyRow {
  speakerId: number;
  sites: Tally;
  roles: Tally;
}

/** The same statement across articles. Members are the quotes with this `groupId`. */
export interface GroupRow {
  id?: number;
  size: number;
  created: number;
}

/** Counts per site (schema v2): the library's site filter without reading every article. */
export interface SiteRow {
  site: string;
  siteName: string | null;
  articleCount: number;
  quoteCount: number;
  lastSeen: number;
}

/** A quote the user deleted: a later visit of its page does not bring it back. */
export interface DeletionRow {
  articleId: number;
  norm: string;
  deleted: number;
}

// ---------------------------------------------------------------------------------------------
// views

/** A page of results and the key to ask for the next (null at the end). Cursors are opaque. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface SpeakerRef {
  id: number;
  name: string;
  type: SpeakerType | null;
  scope: 'global' | 'article';
}

/** A speaker as the lists show them. */
export interface SpeakerView extends SpeakerRef {
  aliases: string[];
  /** Roles seen, most frequent first: all of them from `getSpeaker`, the first few in lists. */
  roles: string[];
  /** How many roles in all. */
  roleCount: number;
  /** Sites that quoted them, most quotes first: all of them from `getSpeaker`, the first few (8) in lists. */
  sites: string[];
  /** How many sites in all. */
  siteCount: number;
  quoteCount: number;
  firstQuoted: number;
  lastQuoted: number;
}

/** Another place a statement was seen ("also on …"). */
export interface AlsoOn {
  quoteId: number;
  site: string;
  url: string;
  title: string;
  date: number;
  /** Its wording differs from the quote it is shown under. */
  differs: boolean;
}

/** A quote's group, as shown under it. */
export interface GroupSummary {
  id: number;
  /** Quotes in the group. */
  size: number;
  /** Distinct sites that carried it. */
  outlets: number;
  /** Quotes whose wording differs from the most common one ("quoted differently by 2 of 5"). */
  differing: number;
  /** This quote's wording differs from the most common one. */
  differs: boolean;
  /** The other members, oldest first. */
  also: AlsoOn[];
}

export interface QuoteView extends QuoteRow {
  id: number;
  article: ArticleRow | null;
  speaker: SpeakerRef | null;
  group: GroupSummary | null;
}

/** One speaker's quotes on a page, with the role that article gave them. */
export interface PageSpeaker {
  speaker: SpeakerRef | null;
  /** The name as this article gave it. */
  name: string | null;
  role: string | null;
  quotes: QuoteView[];
}

export interface PageView {
  article: ArticleRow;
  /** Speakers in order of their first quote on the page; unattributed quotes last. */
  speakers: PageSpeaker[];
  quoteCount: number;
}

/** A marked stretch of text: `marked` words are not in the wording compared with. */
export interface Segment {
  text: string;
  marked: boolean;
}

export interface DiffRange {
  start: number;
  end: number;
}

/** One wording of a grouped statement. */
export interface Variant {
  /** The text as the first outlet with this wording printed it. */
  text: string;
  /** Most common wording (the one the others are compared with). */
  isBase: boolean;
  quotes: QuoteView[];
  sites: string[];
  /** This wording cut into stretches, the words not in the base wording marked. */
  segments: Segment[];
  /** The same as character ranges of `text`. */
  marks: DiffRange[];
  /** The base wording cut into stretches, the words this wording lacks marked. */
  baseSegments: Segment[];
}

export interface GroupView {
  id: number;
  size: number;
  outlets: number;
  differing: number;
  /** Most common wording first, then by first seen. */
  variants: Variant[];
}

export interface SiteView {
  site: string;
  siteName: string | null;
  articleCount: number;
  quoteCount: number;
  lastSeen: number;
}

export type LibrarySort = 'newest' | 'oldest' | 'speaker';

export interface LibraryQuery {
  speakerId?: number;
  site?: string;
  /** Article dates from (inclusive) and to (exclusive), ms since epoch. */
  from?: number;
  to?: number;
  sort?: LibrarySort;
  /** Page size (default 50, at most 500). */
  limit?: number;
  /** The `next` of the previous page. */
  after?: string | null;
  /** Show each statement once, where it comes first in this order, with "also on …" (default true). */
  collapseGroups?: boolean;
}

export interface SearchResult {
  quotes: Page<QuoteView>;
  /** Quotes matching every term (before collapsing groups). */
  total: number;
  /** Speakers whose names match every term, most quoted first. */
  speakers: SpeakerView[];
}

/** Most quoted first, or most recently quoted first. */
export type SpeakerSort = 'count' | 'recent';

export interface SpeakerQuery {
  sort?: SpeakerSort;
  /** Only speakers with a name word starting with this (case and accents ignored). */
  prefix?: string;
  limit?: number;
  after?: string | null;
}

/** Who a quote is by, when the user sets it: a known speaker, or a typed name. */
export type SpeakerChoice = { speakerId: number } | { name: string; type?: SpeakerType };

export interface ManualQuote {
  text: string;
  speaker: SpeakerChoice | null;
  url: string;
  title?: string;
  /** Text just before and after the selection. */
  before?: string;
  after?: string;
  role?: string | null;
  /** ISO date the page gives, if known. */
  published?: string | null;
  siteName?: string | null;
}

export interface SplitSpec {
  /** Name of the new speaker. */
  name: string;
  /** Quotes that move to the new speaker. */
  quoteIds: number[];
  /** Name forms that move with them (later visits file those names under the new speaker). */
  aliases?: string[];
}

/** What a deletion removed, to undo it with `restoreQuotes`. */
export interface DeletedQuotes {
  quotes: QuoteRow[];
}

export interface ImportResult {
  articles: number;
  speakers: number;
  quotes: number;
  /** Quotes already stored (same article and text): left as they are. */
  skipped: number;
}
