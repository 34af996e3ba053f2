/**
 * What is not the article, told by general conventions of news pages: the element's tag, its ARIA
 * role, and the words of its class names and id ("share-bar", "relatedStories", "newsletter-signup").
 * No site names; a site that needs more gets a hint (`site-hints.ts`).
 */
import { wordSet } from './words';

/** Tags whose subtree is never article text (inside the article's container). */
const SKIP_TAGS = wordSet('NAV ASIDE FOOTER FORM HEADER MENU DIALOG BUTTON SELECT TEXTAREA INPUT LABEL');

const SKIP_ROLES = wordSet('navigation complementary contentinfo banner menu menubar toolbar dialog alertdialog search tablist form button');

/**
 * Words of class names or ids that mark a region as not the article (each word matched whole, after
 * splitting "related-stories", "related_stories" and "relatedStories" into words).
 */
const SKIP_WORDS = wordSet(
  // sharing and social
  'share shares sharing sharebar sharetools social socials sharedaddy ' +
  // other stories
  'related recommended recommendation recommendations recirc recirculation trending popular mostread ' +
  'mostpopular teaser teasers outbrain taboola playlist carousel rail sidebar widget widgets ' +
  // signing up and paying
  'newsletter newsletters subscribe subscription signup registration regwall donate ' +
  // advertising
  'ad ads advert adverts advertisement advertising adslot adunit dfp gpt sponsor sponsored promo ' +
  'promos promotion promoted commercial affiliate ' +
  // reader talk
  'comment comments commenting disqus replies discussion community feedback ' +
  // navigation and page furniture
  'breadcrumb breadcrumbs pagination pager toolbar tags topics keywords masthead footer header ' +
  'menu nav navbar navigation skip modal popup overlay cookie cookies consent gdpr banner ' +
  'bio author authors byline bylines contributor dateline timestamp published updated date meta ' +
  'print email toc jump read readmore headline kicker eyebrow dek standfirst summary hidden hide ' +
  'correction disclaimer copyright credit credits noprint video podcast audio player gallery'
);

/** Word pairs that mark boilerplate even though each word alone does not ("more-stories", "you-may-like"). */
const SKIP_PAIRS: readonly [string, string][] = [
  ['more', 'stories'], ['more', 'news'], ['more', 'from'], ['more', 'on'], ['more', 'articles'], ['more', 'coverage'], ['more', 'links'],
  ['also', 'like'], ['may', 'like'], ['read', 'next'], ['up', 'next'], ['most', 'read'], ['most', 'popular'], ['most', 'viewed'],
  ['see', 'also'], ['in', 'case'], ['don', 't'],
];

/** Words that name the article's own text: a region so named is never skipped for its other words. */
const CONTENT_WORDS = wordSet('body content text story article paragraph main entry post richtext prose');

const wordCache = new Map<string, string[]>();

/**
 * "relatedStories__list-item" → ["related", "stories", "list", "item"]. A plain loop rather than
 * regular expressions: it runs on every class name of the page's article region, and is cheapest
 * the first time that way.
 */
export function wordsOf(value: string): string[] {
  let words = wordCache.get(value);
  if (words) return words;
  words = [];
  let word = '';
  let prevLower = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (upper) {
      if (prevLower && word) {
        words.push(word);
        word = '';
      }
      word += String.fromCharCode(c + 32);
    } else if (lower) {
      word += value[i];
    } else if (word) {
      words.push(word);
      word = '';
    }
    prevLower = lower;
  }
  if (word) words.push(word);
  if (wordCache.size > 5000) wordCache.clear();
  wordCache.set(value, words);
  return words;
}

/** The space-separated names of a class attribute. */
export function classNames(value: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 32;
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
    if (space) {
      if (start >= 0) out.push(value.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return out;
}

function namesOf(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const id = el.getAttribute('id') ?? '';
  const testid = el.getAttribute('data-testid') ?? el.getAttribute('data-component') ?? '';
  return cls + ' ' + id + ' ' + testid;
}

/**
 * True when the class names or id of `el` say it is page furniture. Each name is judged on its own,
 * and a name whose last word names the article's text ("video-story-body", "print-text") is not
 * furniture unless it also has a word that never names text ("story-comments-body").
 */
export function namedAsBoilerplate(el: Element): boolean {
  const names = namesOf(el);
  if (names.length < 3) return false;
  let verdict = verdicts.get(names);
  if (verdict === undefined) {
    verdict = namesSayBoilerplate(names);
    if (verdicts.size > 5000) verdicts.clear();
    verdicts.set(names, verdict);
  }
  return verdict;
}

/** Verdicts by the names string: pages repeat the same class names on many elements. */
const verdicts = new Map<string, boolean>();

function namesSayBoilerplate(names: string): boolean {
  for (const name of classNames(names)) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    const furniture = words.some((w) => SKIP_WORDS.has(w)) || SKIP_PAIRS.some(([a, b]) => hasPair(words, a, b));
    if (!furniture) continue;
    if (CONTENT_WORDS.has(words[words.length - 1]) && !words.some((w) => STRONG_SKIP.has(w))) continue;
    return true;
  }
  return false;
}

/** Words that mark furniture even when the name ends in a content word ("related-content", "comments-body"). */
const STRONG_SKIP = wordSet('related comment comments newsletter share sharing social recirc promo ad ads advert advertisement outbrain taboola trending recommended teaser teasers subscribe sponsored nav navigation menu footer sidebar rail');

function hasPair(words: string[], a: string, b: string): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === a && words[i + 1] === b) return true;
  return false;
}

/** Skipped for its tag or ARIA role, whatever its names. */
export function structuralBoilerplate(el: Element): boolean {
  if (SKIP_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  return role !== null && SKIP_ROLES.has(role.trim().toLowerCase());
}

/** Region of the page that is not article text (judged on this element alone, not its ancestors). */
export function isBoilerplate(el: Element): boolean {
  return structuralBoilerplate(el) || namedAsBoilerplate(el);
}

/** Words that name other people's text (comments) or other stories: never the page's layout, however much text they hold. */
const OTHER_STORIES = wordSet('comment comments commenting disqus replies related recommended recommendations recirc recirculation outbrain taboola trending teaser teasers');

/** Named as comments or other stories ("comments-section", "relatedArticles"). */
export function namedAsOtherStories(el: Element): boolean {
  const names = namesOf(el);
  if (names.length < 3) return false;
  for (const name of classNames(names)) if (wordsOf(name).some((w) => OTHER_STORIES.has(w))) return true;
  return false;
}
