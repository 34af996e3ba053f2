/**
 * Types shared by the extraction engine and everything that consumes it.
 * The engine is pure: it sees text and a light description of the page's structure, never a DOM.
 */

/** What a block of text is on the page. Only `paragraph` and `blockquote` carry ordinary quotes. */
export type BlockKind = 'paragraph' | 'heading' | 'blockquote' | 'caption' | 'byline' | 'list-item';

export interface Block {
  text: string;
  kind: BlockKind;
}

/** `direct`: a full statement between marks; `partial`: a fragment built into the reporter's sentence;
 * `block`: a statement set apart as a blockquote or pull quote. */
export type QuoteKind = 'direct' | 'partial' | 'block';

/** What the speaker is, as far as the engine can tell. */
export type SpeakerType = 'person' | 'organization' | 'document' | 'descriptor';

export interface ExtractedQuote {
  /** The exact text between the marks (marks excluded), whitespace as in the source. */
  quote: string;
  /** The fullest name given in the article, without titles; a descriptor ("the letter") where no name exists. */
  speaker: string | null;
  /** The mention as written next to the cue ("Miller", "it", "State Department spokesperson Matthew Miller"). */
  mention: string | null;
  speakerType: SpeakerType | null;
  /** A role the article gives the speaker ("State Department spokesperson"), if any. */
  role: string | null;
  /** The attribution words as written ("Miller said", "according to the report"). */
  cue: string | null;
  kind: QuoteKind;
  /** Index of the block the quote lies in, and character offsets of the quote text within that block. */
  block: number;
  start: number;
  end: number;
  /** 0..1: how sure the engine is that this is a statement by this speaker. */
  confidence: number;
  /** With `debug`: how the speaker was found (for error study). */
  trace?: string;
}

export interface ExtractOptions {
  /** Upper bound on the characters read; longer input is cut (the engine stays linear regardless). */
  maxChars?: number;
  /** Add a `trace` to each quote saying how its speaker was found. */
  debug?: boolean;
}

export interface ExtractResult {
  quotes: ExtractedQuote[];
}
