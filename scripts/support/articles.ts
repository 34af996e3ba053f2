/**
 * Generated news articles for robustness tests and benchmarks (fiction, our own words): any number
 * of distinct articles, each with quotes from named speakers, and one article as large as asked
 * (a 5 MB page). Deterministic: article `i` is always the same page.
 */

const GIVEN = ['Ana', 'Bram', 'Cleo', 'Dario', 'Esme', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonah', 'Kaia', 'Luca', 'Mina', 'Niko', 'Odile', 'Pavel', 'Rosa', 'Soren', 'Tilde', 'Umar'];
const FAMILY = ['Abara', 'Brisco', 'Calder', 'Dunmore', 'Eskel', 'Fairlie', 'Galvao', 'Hollis', 'Iverson', 'Jaskel', 'Kettering', 'Lindqvist', 'Marrow', 'Nakashima', 'Orlov', 'Penhale', 'Quist', 'Rowntree', 'Sallis', 'Trevane'];
const ROLES = ['the mayor', 'a council member', 'the harbour master', 'the school principal', 'a union organiser', 'the county engineer', 'a shop owner', 'the parks director'];
const TOPICS = ['the ferry timetable', 'the new library', 'the flood barrier', 'the bus depot', 'the market square', 'the river bridge', 'the school roof', 'the night buses'];
const CLAIMS = [
  'We have waited long enough for a decision, and the people of this town deserve an answer before winter',
  'Nobody on this side of the river was asked what they thought, and that is why the meeting was so angry',
  'The money is already set aside, so the only question left is whether the contractor can start in March',
  'I have read every page of the report and I still cannot see who is going to pay for the repairs',
  'If the council votes no again, we will take the question straight to the voters at the next election',
  'Our members will keep working through the summer, but they expect the promises made in spring to be kept',
];

export function speakerName(i: number): string {
  return `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`;
}

/** The paragraphs of article `article`: its quotes each said by a named speaker, and plain prose between. */
function paragraphs(article: number, count: number, speakerBase: number): string[] {
  const out: string[] = [];
  for (let p = 0; p < count; p++) {
    const speaker = speakerName(speakerBase + (p % 4));
    const role = ROLES[(article + p) % ROLES.length];
    const topic = TOPICS[(article * 3 + p) % TOPICS.length];
    const claim = CLAIMS[(article + p * 5) % CLAIMS.length];
    if (p % 2 === 0) {
      out.push(`“${claim}, and that is true of ${topic} above all (story ${article}, part ${p}),” said ${speaker}, ${role}, speaking after the meeting on Tuesday.`);
    } else {
      out.push(`The debate over ${topic} has run for several months, and residents packed the hall again on Tuesday evening to hear the plans for part ${p} of the work in story ${article}.`);
    }
  }
  return out;
}

export interface ArticleOptions {
  /** Paragraphs in the body (half of them quotes). */
  paragraphs?: number;
  /** The first speaker's index (speakers `speakerBase` to `speakerBase + 3` are quoted). */
  speakerBase?: number;
  /** Extra markup at the end of the body. */
  extra?: string;
}

/** Article `i` as a full page. */
export function articleHtml(i: number, options: ArticleOptions = {}): string {
  const body = paragraphs(i, options.paragraphs ?? 8, options.speakerBase ?? i * 4)
    .map((t) => `<p>${t}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Town hall story ${i} | The Generated Gazette</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="The Generated Gazette">
<!-- Fiction, generated for Quotemark's tests. -->
</head><body><main><article><h1>Town hall story ${i}</h1><p class="byline">By Staff Writer</p>
${body}
${options.extra ?? ''}
</article></main></body></html>`;
}

/** One article of about `bytes` of HTML (a 5 MB page: `bigArticleHtml(5_000_000)`). */
export function bigArticleHtml(bytes: number, i = 0): string {
  const sample = articleHtml(i, { paragraphs: 100 });
  const perParagraph = sample.length / 100;
  return articleHtml(i, { paragraphs: Math.max(1, Math.round(bytes / perParagraph)), speakerBase: 0 });
}
