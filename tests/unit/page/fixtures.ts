/** Test pages for the DOM tests: our own fixture pages (tests/fixtures/pages/) and inline snippets, parsed by happy-dom's DOMParser (their scripts never run). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/pages');

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8');
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export function fixture(name: string): Document {
  return parse(fixtureHtml(name));
}

/** A page with the given head and body markup. */
export function page(head: string, body: string, lang = 'en'): Document {
  return parse(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
}

/** Some paragraphs of article text (our own), enough for a body. */
export function paragraphs(n: number, prefix = 'The river'): string {
  return Array.from(
    { length: n },
    (_, i) => `<p>${prefix} paragraph ${i + 1} tells the story at a reader's pace, with a clause or two, some detail about the town, and a full stop.</p>`,
  ).join('\n');
}
