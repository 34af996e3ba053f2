/** Only http(s) URLs from pages ever become links. */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to the quote on its page, with a text fragment (`#:~:text=`) so the browser scrolls to it. */
export function quoteLink(url: string, quote: string): string | undefined {
  const base = safeHref(url);
  if (!base) return undefined;
  const words = quote.trim().split(/\s+/);
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  const fragment = words.length > 8 ? `${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-4).join(' '))}` : enc(words.join(' '));
  return `${base.split('#')[0]}#:~:text=${fragment}`;
}
