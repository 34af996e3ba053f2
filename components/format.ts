/** Counts, dates and lists as a person would say them. Pure: the clock and locale are arguments. */

const DAY = 86_400_000;

/** "no quotes", "1 quote", "2,345 quotes". `plural` defaults to `one + "s"`. */
export function count(n: number, one: string, plural = `${one}s`, locale?: string): string {
  if (n === 0) return `no ${plural}`;
  return `${n.toLocaleString(locale ?? 'en-US')} ${n === 1 ? one : plural}`;
}

/** "1,234": a number with the reader's grouping. */
export function num(n: number, locale?: string): string {
  return n.toLocaleString(locale ?? 'en-US');
}

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * A calendar date relative to today: "today", "yesterday", "Monday" (this past week),
 * "2 Apr" (this year), "2 Apr 2024". For when something was published or collected.
 */
export function day(t: number, now: number, locale?: string): string {
  if (!Number.isFinite(t)) return '';
  const days = Math.round((startOfDay(now) - startOfDay(t)) / DAY);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days > 1 && days < 7) return new Date(t).toLocaleDateString(locale ?? 'en-US', { weekday: 'long' });
  const sameYear = new Date(t).getFullYear() === new Date(now).getFullYear();
  return new Date(t).toLocaleDateString(locale ?? 'en-GB', sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}

/** How long ago, for recent events: "just now", "5 minutes ago", "3 hours ago", then `day()`. */
export function ago(t: number, now: number, locale?: string): string {
  const s = Math.max(0, now - t) / 1000;
  if (s < 60) return 'just now';
  if (s < 3600) return `${count(Math.floor(s / 60), 'minute')} ago`;
  if (s < 6 * 3600 || startOfDay(t) === startOfDay(now)) return `${count(Math.floor(s / 3600), 'hour')} ago`;
  return day(t, now, locale);
}

/** An exact date for tooltips and exports: "2 April 2026, 18:00". */
export function fullDate(t: number, locale?: string): string {
  if (!Number.isFinite(t)) return '';
  return new Date(t).toLocaleString(locale ?? 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
/**
 * "a, b and c", or "a, b, c and 4 more". `total`: how many there are in all when `items` holds only
 * the first few (a speaker row keeps its first sites; `siteCount` says how many).
 */
export function list(items: readonly string[], max = 3, total = items.length): string {
  if (items.length === 0) return '';
  const all = Math.max(total, items.length);
  if (all <= max && items.length === all) {
    if (items.length === 1) return items[0];
    return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  }
  const shown = items.slice(0, max);
  return `${shown.join(', ')} and ${all - shown.length} more`;
}

/** yyyy-mm-dd in local time, for date inputs. */
export function isoDay(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The quote as shown: the exact text, less the comma that led into the cue ("…,\" she said"). */
export function displayQuote(text: string): string {
  return text.trim().replace(/,$/, '');
}
