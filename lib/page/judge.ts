/**
 * Judging the blocks walked from the article's container, by general conventions of news writing:
 * what is a date line, a byline, a label ("Advertisement"), a promotion ("Follow us on ..."), a
 * photo credit, a teaser link, a heading that only announces other stories. Text is never changed;
 * a block is kept (maybe with another kind) or left out.
 */
import type { BlockKind } from '../extract/types';
import type { RawBlock, WalkItem } from './walk';

/** Quotation marks (a right single mark is left out: it is far more often an apostrophe). */
const QUOTE_MARKS = /["“”„«»‘]/;

const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|mon|tue|tues|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|a\.m|p\.m|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|utc|bst|cet|ist|updated|published|posted|modified|last|first|on|at|by|hours?|minutes?|mins?|ago|read|time)\b\.?/gi;
/** A year, a clock time or a month name. */
const DATE_TOKEN = /\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?\s*\d/i;
const STAMP_LINE = /^(?:updated|published|posted|last updated|first published|modified|originally published)\b/i;

/** "November 20, 2019 / 1:07 AM / CBS News", "UPDATED: Tue., Nov. 19, 2019". */
export function isDateLine(text: string): boolean {
  if (text.length > 90) return false;
  if (STAMP_LINE.test(text) && !QUOTE_MARKS.test(text)) return true;
  if (text.length > 60 || QUOTE_MARKS.test(text) || !DATE_TOKEN.test(text)) return false;
  const rest = text.replace(DATE_WORDS, ' ').replace(/[\d:/.,|\-–—()]+/g, ' ').trim();
  return rest.split(/\s+/).filter(Boolean).length <= 3;
}

/** "Advertisement", "Supported by", "Comments (+)", a lone name: short, no sentence punctuation, no quotation marks. */
export function isLabel(text: string): boolean {
  return text.length < 32 && !/[.!?:;]["”’]?$/.test(text) && !QUOTE_MARKS.test(text);
}

/** "By Jane Roe and John Doe, Associated Press". */
export function isByline(text: string): boolean {
  return text.length < 120 && /^By\s+\p{Lu}/u.test(text) && !QUOTE_MARKS.test(text) && !/[a-z]{3}[.!?]$/.test(text);
}

/** End-of-story lines about who wrote it: "Jane Roe contributed reporting.", "Write to Jane Roe at jane@example.com". */
export function isCreditLine(text: string): boolean {
  if (text.length > 300 || QUOTE_MARKS.test(text)) return false;
  return (
    /\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b/i.test(text) ||
    /^(?:additional )?reporting by\b/i.test(text) ||
    /^(?:write to|email|contact) .{0,80}\S+@\S+\.\w+/i.test(text) ||
    /^(?:edited|written|compiled) by\b/i.test(text)
  );
}

/** "© 2019 Example Media", "Copyright 2019 The Associated Press. All rights reserved." */
export function isCopyright(text: string): boolean {
  return text.length < 250 && /^(?:©|\(c\)|copyright\b)/i.test(text);
}

/** "Follow Newsbeat on Instagram ...", "More coverage at https://...", "Sign up for our newsletter". */
export function isPromotion(text: string): boolean {
  if (text.length > 220 || QUOTE_MARKS.test(text)) return false;
  return (
    /https?:\/\/\S+/.test(text) ||
    /^follow\b.{0,80}\b(?:on|at)\b.{0,40}\b(?:twitter|facebook|instagram|youtube|tiktok|linkedin|threads|bluesky|mastodon|snapchat|whatsapp|telegram)\b/i.test(text) ||
    /^listen (?:to|live|now)\b.{0,120}\b(?:live|podcast|here|radio|weekdays|sounds)\b/i.test(text) ||
    /^(?:sign up|subscribe)\b/i.test(text) ||
    /\bclick here\b/i.test(text) ||
    /^(?:read|see) (?:more|also)\b\s*:/i.test(text)
  );
}

/** A photo credit or caption written as a paragraph: "... (Image: GETTY)", "... [File: Reuters]", "Image caption ...". */
export function isCaptionText(text: string): boolean {
  if (text.length > 400) return false;
  return (
    /[([](?:image|images|photo|photos|picture|pic|credit|source|file|video)\s*:[^)\]]{0,60}[)\]]\s*$/i.test(text) ||
    /^(?:image|photo|media|video) caption\b/i.test(text) ||
    /^(?:photo|image|picture|credit)s?\s*:/i.test(text)
  );
}

/** Headings that announce other stories: "More:", "Related", "You may also like", "Don't miss". */
const TEASER_HEADING =
  /^(?:more\b(?!\s+than\b)|related\b|recommended\b|read (?:more|next|also)\b|also read\b|see also\b|you (?:may|might) (?:also )?like\b|don[’']?t miss\b|must read\b|top stories\b|most (?:read|popular|viewed|shared)\b|trending\b|latest\b|editor[’']?s picks?\b|further reading\b|what to read\b|up next\b|watch next\b|in other news\b|elsewhere\b|popular\b|listen\b|watch\b)/i;

export function isTeaserHeading(text: string): boolean {
  return text.length < 60 && TEASER_HEADING.test(text) && !QUOTE_MARKS.test(text);
}

/** Share of a paragraph's text in links from which it is a link to another story, not prose with links in it. */
const TEASER_LINKS = 0.9;

/** Kinds that carry the article's own running text. */
function isText(kind: BlockKind): boolean {
  return kind === 'paragraph' || kind === 'blockquote' || kind === 'list-item';
}

function judgeOne(b: RawBlock): BlockKind | null {
  const { text } = b;
  if (b.kind === 'caption' || b.kind === 'byline') return isCopyright(text) ? null : b.kind;
  if (isCopyright(text)) return null;
  if (b.kind === 'heading') return isDateLine(text) || isLabel(text.replace(/:$/, '')) && text.length < 4 ? null : 'heading';
  if (b.kind === 'paragraph' && b.links >= TEASER_LINKS) return null; // a link to another story
  if (isDateLine(text)) return null;
  if (isByline(text) || isCreditLine(text)) return 'byline';
  if (isCaptionText(text)) return 'caption';
  if (isPromotion(text)) return null;
  if (b.kind === 'paragraph' && b.bold && text.length < 120 && !/[.!?]["”]?$/.test(text)) return 'heading';
  if (isLabel(text)) return null;
  return b.kind;
}

/** The blocks to keep, with their final kinds. */
export function judge(items: readonly WalkItem[]): RawBlock[] {
  // first, each block alone (gaps kept in place)
  const first: WalkItem[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item.gap) {
      first.push(item);
      continue;
    }
    const kind = judgeOne(item);
    if (!kind) continue;
    if (item.text.length > 30) {
      if (seen.has(item.text)) continue; // the same caption or paragraph twice (mobile and desktop copies)
      seen.add(item.text);
    }
    first.push(kind === item.kind ? item : { ...item, kind });
  }
  // then headings in context
  const out: RawBlock[] = [];
  for (let i = 0; i < first.length; i++) {
    const item = first[i];
    if (item.gap) continue;
    if (item.kind === 'heading') {
      const next = first[i + 1];
      // a heading that introduced something left out, or that announces other stories
      if (!next || next.gap) continue;
      if (isTeaserHeading(item.text)) {
        // drop it and the links it introduces, up to the next running paragraph
        while (i + 1 < first.length) {
          const n = first[i + 1];
          if (!n.gap && (n.kind === 'heading' || (n.kind === 'paragraph' && n.links < 0.5) || n.kind === 'blockquote')) break;
          i++;
        }
        continue;
      }
      // a heading with no running text under it
      let hasText = false;
      for (let j = i + 1; j < first.length; j++) {
        const n = first[j];
        if (n.gap) continue;
        if (n.kind === 'heading') break;
        if (isText(n.kind)) {
          hasText = true;
          break;
        }
      }
      if (!hasText) continue;
    }
    out.push(item);
  }
  return out;
}
