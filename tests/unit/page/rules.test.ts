// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { namedAsBoilerplate, wordsOf } from '../../../lib/page/boilerplate';
import { isByline, isCaptionText, isCreditLine, isDateLine, isLabel, isPromotion, isTeaserHeading, isTeaserLine } from '../../../lib/page/judge';
import { visibleText } from '../../../lib/page/text';
import { parse } from './fixtures';

const el = (cls: string) => {
  const d = parse(`<div class="${cls}"></div>`);
  return d.body.firstElementChild!;
};

describe('class names', () => {
  it('splits names into words', () => {
    expect(wordsOf('relatedStories__list-item')).toEqual(['related', 'stories', 'list', 'item']);
  });

  it('tells furniture from content by whole words', () => {
    for (const c of ['share-tools', 'related-stories', 'relatedLinks', 'newsletter-signup', 'comments', 'ad-slot', 'you-may-also-like', 'most-read', 'article-related']) {
      expect(namedAsBoilerplate(el(c)), c).toBe(true);
    }
    for (const c of ['story-body', 'article-content', 'shadow-box', 'heading-text', 'paragraph', 'entry-content video-story-body', 'css-53u6y8']) {
      expect(namedAsBoilerplate(el(c)), c).toBe(false);
    }
  });
});

describe('lines of text', () => {
  it('knows date lines from sentences with dates in them', () => {
    expect(isDateLine('November 20, 2019 / 1:07 AM / CBS News')).toBe(true);
    expect(isDateLine('UPDATED: Tue., Nov. 19, 2019')).toBe(true);
    expect(isDateLine('Published 9:15 a.m. ET May 3, 2024')).toBe(true);
    expect(isDateLine('The vote is set for May 3, 2024.')).toBe(false);
    expect(isDateLine('7. "The Giuliani problem"')).toBe(false);
  });

  it('knows labels, bylines, credit lines, captions written as paragraphs, and promotions', () => {
    expect(isLabel('Advertisement')).toBe(true);
    expect(isLabel('Comments (+)')).toBe(true);
    expect(isLabel('“Amazing,” Davis said.')).toBe(false);
    expect(isByline('By Jane Roe and John Doe, Associated Press')).toBe(true);
    expect(isByline('By the end of the night, the vote was over.')).toBe(false);
    expect(isCreditLine('Keith Lowe contributed reporting from Hong Kong.')).toBe(true);
    expect(isCreditLine('Write to Al Root at al.root@example.com')).toBe(true);
    expect(isCaptionText('Protesters gathered outside the court (Image: GETTY )')).toBe(true);
    expect(isCaptionText('Roughly 13,000 troops remain [File: Reuters]')).toBe(true);
    expect(isPromotion('Follow Newsbeat on Instagram, Facebook and YouTube.')).toBe(true);
    expect(isPromotion('More coverage: https://example.org/topic')).toBe(true);
    expect(isPromotion('“Follow the money,” she said, and they did.')).toBe(false);
  });

  it('knows headings that announce other stories', () => {
    for (const h of ['More:', 'Related', 'You may also like', 'DON’T MISS', 'Most read', 'More Great Stories']) expect(isTeaserHeading(h), h).toBe(true);
    for (const h of ['More than 100 arrested', 'A long night', '“Related” is not the word']) expect(isTeaserHeading(h), h).toBe(false);
  });
});

describe('visible text', () => {
  it('joins inline elements, separates blocks, and leaves out scripts, hidden, screen-reader-only and pop-up text', () => {
    const d = parse(
      '<div id="x">“We <a href="#">will</a> <em>act</em>,” she said.<script>var a = 1;</script><span hidden>hidden</span><span class="sr-only">Opens in a new window</span><span class="tooltip">tip</span><span style="display: none">none</span><div>Next block</div></div>',
    );
    expect(visibleText(d.getElementById('x')!)).toBe('“We will act,” she said. Next block');
  });
});

describe('teaser lines inside the body', () => {
  it('recognises a one-line pointer to another story, and not prose with a colon', () => {
    expect(isTeaserLine('SEE MORE: Harbor strike: ferries stay in port for a third day')).toBe(true);
    expect(isTeaserLine('Read more: How the council voted')).toBe(true);
    expect(isTeaserLine('Related: Night buses start on Monday')).toBe(true);
    expect(isTeaserLine('The mayor was blunt: the pier will not reopen this year.')).toBe(false);
    expect(isTeaserLine('More than 400 officials signed: the letter was sent on Tuesday.')).toBe(false);
  });
});
