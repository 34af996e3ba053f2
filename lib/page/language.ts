/**
 * Which languages the page reader hands to the engine. English is the target. A page in another
 * language is read only when the quotation marks that language uses are marks the engine finds;
 * otherwise it is skipped before its body is read. A page that does not say its language is read.
 *
 * Marks per language are CLDR's quotation delimiters (primary pair); right-to-left scripts are
 * skipped whatever their marks, since the engine reads cues left to right in English word order.
 */
import { wordSet } from './words';

/** Quotation marks the engine (lib/extract) recognises: curly and straight doubles and singles, guillemets, low-9 opening. */
export const ENGINE_MARKS: ReadonlySet<string> = new Set(['\u201C', '\u201D', '"', '\u2018', '\u2019', "'", '\u00AB', '\u00BB', '\u201E']);

/** The primary opening and closing quotation marks of a language (by primary subtag; region where it differs). */
export const LANGUAGE_MARKS: Readonly<Record<string, string>> = {
  en: '“”',
  fr: '«»',
  'fr-ch': '«»',
  de: '„“',
  'de-ch': '«»',
  es: '«»',
  it: '«»',
  pt: '“”',
  'pt-pt': '«»',
  nl: '‘’',
  pl: '„”',
  cs: '„“',
  sk: '„“',
  ru: '«»',
  uk: '«»',
  be: '«»',
  bg: '„“',
  sr: '„“',
  hr: '„“',
  bs: '„“',
  sl: '„“',
  ro: '„”',
  hu: '„”',
  lt: '„“',
  lv: '«»',
  et: '„“',
  sv: '””',
  da: '“”',
  nb: '«»',
  nn: '«»',
  no: '«»',
  fi: '””',
  is: '„“',
  ga: '“”',
  cy: '‘’',
  ca: '«»',
  eu: '«»',
  gl: '“”',
  el: '«»',
  tr: '“”',
  id: '“”',
  ms: '“”',
  tl: '“”',
  vi: '“”',
  sw: '“”',
  af: '“”',
  hi: '“”',
  bn: '“”',
  ko: '“”',
  zh: '“”',
  'zh-hant': '「」',
  'zh-tw': '「」',
  'zh-hk': '「」',
  ja: '「」',
};

const RIGHT_TO_LEFT = wordSet('ar he iw fa ur yi ps sd ug dv ckb');

export type LanguageVerdict = { read: true } | { read: false; reason: string };

/** The marks of a language tag ("de-AT" → „“), most specific entry first; null when unknown. */
export function marksOf(lang: string): string | null {
  const parts = lang.toLowerCase().split('-');
  for (let n = parts.length; n > 0; n--) {
    const m = LANGUAGE_MARKS[parts.slice(0, n).join('-')];
    if (m) return m;
  }
  return null;
}

/** Should a page in `lang` (a BCP 47 tag, or null when the page does not say) be read? */
export function languageVerdict(lang: string | null): LanguageVerdict {
  if (!lang) return { read: true };
  const primary = lang.toLowerCase().split('-')[0];
  if (primary === 'en') return { read: true };
  if (RIGHT_TO_LEFT.has(primary)) return { read: false, reason: `language ${lang}: right-to-left script` };
  const marks = marksOf(lang);
  if (!marks) return { read: false, reason: `language ${lang}: quotation marks not known` };
  for (const m of marks) if (!ENGINE_MARKS.has(m)) return { read: false, reason: `language ${lang}: quotation marks ${marks} not supported by the engine` };
  return { read: true };
}
