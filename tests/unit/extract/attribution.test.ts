/**
 * The engine's patterns, one or more tests each, on sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { extractFromText, extractQuotes } from '../../../lib/extract';
import type { ExtractedQuote } from '../../../lib/extract/types';

/** Extract from paragraphs (joined by newlines) and return [quote, speaker] pairs. */
function pairs(...paragraphs: string[]): [string, string | null][] {
  return extractFromText(paragraphs.join('\n')).quotes.map((q) => [q.quote, q.speaker]);
}

function only(...paragraphs: string[]): ExtractedQuote {
  const { quotes } = extractFromText(paragraphs.join('\n'));
  expect(quotes).toHaveLength(1);
  return quotes[0];
}

describe('quotation marks', () => {
  it('reads curly and straight double quotes', () => {
    expect(pairs('“We will rebuild the bridge by spring,” Mayor Ana Ruiz said.', '"The money is already in the budget," Ruiz added.')).toEqual([
      ['We will rebuild the bridge by spring,', 'Ana Ruiz'],
      ['The money is already in the budget,', 'Ana Ruiz'],
    ]);
  });

  it('reads single marks used as quotation marks (British style)', () => {
    expect(pairs("'We cannot wait another winter for this,' said Tom Hale, who chairs the residents' group.")).toEqual([
      ['We cannot wait another winter for this,', 'Tom Hale'],
    ]);
  });

  it('keeps a quote inside a quote as part of the outer one', () => {
    expect(pairs('“My father told me, ‘Never sell the farm,’ and I never will,” said Grace Obi.')).toEqual([
      ['My father told me, ‘Never sell the farm,’ and I never will,', 'Grace Obi'],
    ]);
  });

  it('does not take apostrophes or inch marks for quotation marks', () => {
    expect(pairs("The farmers' union said the '90s rules still apply to 6' fences, and the 55\" screens were sold out.")).toEqual([]);
  });

  it('runs an unclosed quote to the end of its paragraph, giving back a trailing cue', () => {
    const q = only('Dr. Lena Voss, the clinic’s director, said patients should “keep taking their medicine until the recall is confirmed, according to the notice.');
    expect(q.quote).toBe('keep taking their medicine until the recall is confirmed');
  });

  it('gives each paragraph of a multi-paragraph quote the same speaker', () => {
    expect(pairs('Coach Dana Price said after the game:', '“We did not play our best in the first half. We gave away the ball too often.', '“But this team never stops. I am proud of every one of them.”')).toEqual([
      ['We did not play our best in the first half. We gave away the ball too often.', 'Dana Price'],
      ['But this team never stops. I am proud of every one of them.', 'Dana Price'],
    ]);
  });

  it('attributes both halves of a quote split by its cue', () => {
    expect(pairs('“The vote is close,” Senator Mark Ellison said, “but I think we have the numbers.”')).toEqual([
      ['The vote is close,', 'Mark Ellison'],
      ['but I think we have the numbers.', 'Mark Ellison'],
    ]);
  });

  it('reads colon-introduced quotes', () => {
    expect(pairs('The union president, Carla Mendes, told members: “We are ready to strike if we have to.”')).toEqual([
      ['We are ready to strike if we have to.', 'Carla Mendes'],
    ]);
  });

  it('marks blockquotes as block quotes', () => {
    const { quotes } = extractQuotes([
      { kind: 'paragraph', text: 'In her letter, Judge Helen Park wrote:' },
      { kind: 'blockquote', text: '“The court cannot ignore the evidence before it, however inconvenient it may be.”' },
    ]);
    expect(quotes.map((q) => [q.kind, q.speaker])).toEqual([['block', 'Helen Park']]);
  });

  it('keeps a short partial quote that is the object of a named speaker’s verb, whatever follows it', () => {
    const q = only('Port spokesperson Elena Marquez said the agency values the “range of opinions” among its staff.');
    expect([q.quote, q.kind, q.speaker]).toEqual(['range of opinions', 'partial', 'Elena Marquez']);
    expect(pairs('Officials said the “one country, two systems” formula still holds.')).toEqual([]);
  });

  it('keeps partial quotes inside paraphrase when they are someone’s words, marked partial', () => {
    const q = only('Governor Ellen Frost called the proposal “a gift to polluters” during the debate.');
    expect([q.kind, q.speaker]).toEqual(['partial', 'Ellen Frost']);
  });
});

describe('not statements', () => {
  it('skips titles of works, nicknames, slogans, scare quotes and single words', () => {
    expect(
      pairs(
        'She starred in “The Long Road Home” and later in “Blue River.”',
        'Fans still call him “The Professor.”',
        'Protesters carried signs reading “Save Our Schools.”',
        'The so-called “efficiency” plan cut 300 jobs.',
        'Critics called it “absurd.”',
      ),
    ).toEqual([]);
  });

  it('skips quoted headings', () => {
    const { quotes } = extractQuotes([
      { kind: 'heading', text: '‘Speak up’' },
      { kind: 'paragraph', text: 'The committee met on Tuesday.' },
    ]);
    expect(quotes).toEqual([]);
  });
});

describe('speakers and cues', () => {
  const cases: [string, string, string][] = [
    ['“The plan works,” Miller said.', 'Miller', 'Miller said'],
    ['“The plan works,” said Jonas Miller, a spokesperson for the port.', 'Jonas Miller', 'said Jonas Miller'],
    ['Jonas Miller said: “The plan works.”', 'Jonas Miller', 'Jonas Miller said'],
    ['“The plan works,” according to Jonas Miller.', 'Jonas Miller', 'according to Jonas Miller'],
    ['“The plan works,” Jonas Miller told Reuters.', 'Jonas Miller', 'Jonas Miller told'],
    ['“The plan works,” the company said in a statement.', 'the company', 'the company said'],
    ['“The plan works,” Jonas Miller wrote on his blog.', 'Jonas Miller', 'Jonas Miller wrote'],
    ['“The plan works,” Jonas Miller tweeted on Monday.', 'Jonas Miller', 'Jonas Miller tweeted'],
    ['“The plan works,” Jonas Miller insisted.', 'Jonas Miller', 'Jonas Miller insisted'],
    ['“The plan works,” Jonas Miller has repeatedly said.', 'Jonas Miller', 'Jonas Miller has repeatedly said'],
    ['“The plan works,” says Jonas Miller.', 'Jonas Miller', 'says Jonas Miller'],
  ];
  it.each(cases)('%s', (text, speaker, cue) => {
    const q = only(text);
    expect(q.speaker).toBe(speaker);
    expect(q.cue).toBe(cue);
  });

  it('drops titles and roles from the name and keeps the role', () => {
    const q = only('“We have seen no evidence of that,” State Department spokesperson Matthew Keane said.');
    expect([q.speaker, q.role]).toEqual(['Matthew Keane', 'State Department spokesperson']);
    expect(only('“This bill is a gift to Wall Street,” said Sen. Mary Walsh (D-Mass.).').speaker).toBe('Mary Walsh');
    const a = only('“I have never seen anything like it,” Keane, 45, a former official, said.', 'Matthew Keane joined in 2010.');
    expect(a.speaker).toBe('Matthew Keane');
  });

  it('resolves a surname to the full name given elsewhere in the article', () => {
    expect(pairs('Port spokesperson Elena Marquez met reporters on Monday.', 'The harbor will reopen next week.', '“We expect the first ships on Friday,” Marquez said.')).toEqual([
      ['We expect the first ships on Friday,', 'Elena Marquez'],
    ]);
  });

  it('takes the speaker from the sentence before, or a speaker introducing a run of quotes', () => {
    expect(pairs('Mayor Tom Reyes said the city would appeal. “We think the judge got this wrong.”')).toEqual([['We think the judge got this wrong.', 'Tom Reyes']]);
  });

  it('resolves he and she to the right earlier person by gender', () => {
    expect(
      pairs('Maria Lopez, a nurse, spoke after her shift, and her husband, David Lopez, stood beside her.', '“We just want the buses to run at night,” she said.', '“It would change our lives,” he added.'),
    ).toEqual([
      ['We just want the buses to run at night,', 'Maria Lopez'],
      ['It would change our lives,', 'David Lopez'],
    ]);
  });

  it('learns gender from titles and earlier pronouns', () => {
    expect(pairs('Taylor Brooks and Jordan Lee ran the shelter together. Ms. Brooks opened it in 2019.', '“Nobody here sleeps outside,” she said.')).toEqual([
      ['Nobody here sleeps outside,', 'Taylor Brooks'],
    ]);
  });

  it('treats organisations and documents as speakers, and “it said” as the document', () => {
    expect(
      pairs('The letter, signed by 300 nurses, was sent to the hospital board.', '“Staffing has fallen below safe levels,” the letter said.', '“Patients are waiting hours for care,” it said.', '“We are hiring,” the hospital said.'),
    ).toEqual([
      ['Staffing has fallen below safe levels,', 'the letter'],
      ['Patients are waiting hours for care,', 'the letter'],
      ['We are hiring,', 'the hospital'],
    ]);
  });

  it('gives a relayed quote to its source, not to the outlet that relayed it', () => {
    expect(pairs('“We urge an immediate pause in the program,” the Daily Ledger quoted the memo.')).toEqual([['We urge an immediate pause in the program,', 'the memo']]);
  });

  it('resolves a second reference to a named person ("the senator")', () => {
    expect(pairs('Sen. Rosa Delgado of Arizona toured the border on Friday.', '“We need more judges, not more walls,” the senator said.')).toEqual([
      ['We need more judges, not more walls,', 'Rosa Delgado'],
    ]);
  });

  it('tells people who share a surname apart', () => {
    expect(pairs('Alan Carter and his daughter Jenna Carter own the mill.', '“The mill will stay open,” Jenna Carter said.', '“I built it with my hands,” Alan Carter said.')).toEqual([
      ['The mill will stay open,', 'Jenna Carter'],
      ['I built it with my hands,', 'Alan Carter'],
    ]);
  });
});

describe('output fields', () => {
  it('reports mention, cue, kind, offsets within the block and a confidence', () => {
    const text = 'Intro paragraph.\nShe waved. “We won the vote,” Mayor Ana Ruiz said.';
    const [q] = extractFromText(text).quotes;
    expect(q).toMatchObject({ quote: 'We won the vote,', speaker: 'Ana Ruiz', mention: 'Mayor Ana Ruiz', cue: 'Mayor Ana Ruiz said', kind: 'direct', block: 1 });
    const block = text.split('\n')[1];
    expect(block.slice(q.start, q.end)).toBe(q.quote);
    expect(q.confidence).toBeGreaterThan(0.5);
    expect(q.confidence).toBeLessThanOrEqual(1);
  });

  it('is linear and safe on hostile input', () => {
    const marks = '“'.repeat(20_000) + '"'.repeat(20_000) + '‘'.repeat(20_000);
    expect(() => extractFromText(marks)).not.toThrow();
    expect(() => extractFromText('\u0000\u202e“ab”\uFFFF said he.')).not.toThrow();
  });
});

describe('time', () => {
  it('stays linear in the size of the input (no pathological cases)', () => {
    // measured as work, not wall time: the same text ten times over yields ten times the quotes
    const para = '“We will rebuild the bridge by spring,” Mayor Ana Ruiz said. Critics called it “a fantasy.”';
    const one = extractFromText(para).quotes.length;
    const ten = extractFromText(Array.from({ length: 10 }, () => para).join('\n')).quotes.length;
    expect(ten).toBe(one * 10);
  });
});

describe('more conventions of news writing', () => {
  it('reads attribution lines after a quotation ("— Name") and in brackets ("[Outlet]")', () => {
    expect(pairs('“The harbor is the heart of this town and we will not let it close.”', '— Rosa Delgado')).toEqual([
      ['The harbor is the heart of this town and we will not let it close.', 'Rosa Delgado'],
    ]);
    expect(pairs('“Ferry fares will rise again in the spring, officials expect.” [Valley Dispatch]')).toEqual([
      ['Ferry fares will rise again in the spring, officials expect.', 'Valley Dispatch'],
    ]);
  });

  it('reads a name labelling a quotation ("Name, Outlet: “…”") and transcript labels inside one', () => {
    expect(pairs('Priya Nair, The Coastal Review: “The council finally listened to the fishermen this week.”')).toEqual([
      ['The council finally listened to the fishermen this week.', 'Priya Nair'],
    ]);
    expect(pairs('Moderator Jane Cole asked the candidates about the budget.', '“REYES: We will balance it without cutting schools, and I have a plan for that.”', 'Mayor Tom Reyes spoke last.')).toEqual([
      ['REYES: We will balance it without cutting schools, and I have a plan for that.', 'Tom Reyes'],
    ]);
  });

  it('takes the person, not the place or the employer, from "X of Y"', () => {
    expect(pairs('“We need the bridge,” said Sen. Ana Lopez of New Mexico.', '“It is overdue,” said Omar Haddad of the Harbor Workers Union.')).toEqual([
      ['We need the bridge,', 'Ana Lopez'],
      ['It is overdue,', 'Omar Haddad'],
    ]);
  });

  it('follows the subject of a pronoun chain across sentences', () => {
    expect(pairs('Lena Park, the port director, and Tom Reed toured the pier.', 'She later spoke to reporters. She said the repairs would take a year.', '“We will not cut corners,” she said.')).toEqual([
      ['We will not cut corners,', 'Lena Park'],
    ]);
  });

  it('gives “they” to a group or organisation that spoke, or to a person called “they”', () => {
    expect(pairs('The Harbor Workers Union rejected the offer on Monday.', '“This offer does not cover the rent for our members,” they said.')).toEqual([
      ['This offer does not cover the rent for our members,', 'Harbor Workers Union'],
    ]);
  });

  it('reads a relative clause subject ("X, who told …: “…”") and a role-then-name apposition', () => {
    expect(pairs('The plan was backed by Judge Helen Park, who told the panel: “The evidence is overwhelming and it is clear.”')).toEqual([
      ['The evidence is overwhelming and it is clear.', 'Helen Park'],
    ]);
    expect(pairs('The union’s chief negotiator, Omar Haddad, said: “We are ready to talk tonight.”')).toEqual([['We are ready to talk tonight.', 'Omar Haddad']]);
  });

  it('gives a quote after a participle to the clause’s subject ("…, adding", "…, saying")', () => {
    expect(pairs('At the hearing, Mayor Tom Reyes defended the budget, saying, “Every school stays open next year.”')).toEqual([
      ['Every school stays open next year.', 'Tom Reyes'],
    ]);
  });

  it('keeps descriptors whole, with their relative clause, when nobody is named', () => {
    expect(pairs('“The numbers do not add up,” said a former senior budget official who asked not to be named.')).toEqual([
      ['The numbers do not add up,', 'a former senior budget official who asked not to be named'],
    ]);
  });
  it('finds the person before "of the … of …" ("Bishop X of the Y Diocese of Z told …")', () => {
    expect(pairs('As Bishop Karl Umber of the Northern Diocese of Leeds told the Associated Press (AP), “The floods have hit every parish we serve.” He added, “The council should have sent help first.”')).toEqual([
      ['The floods have hit every parish we serve.', 'Karl Umber'],
      ['The council should have sent help first.', 'Karl Umber'],
    ]);
  });

  it('gives the second half of a split quote to the finite verb’s subject, not a participle’s object', () => {
    expect(pairs('“Many people are unsure about the plan this year,” Dana Varga wrote in a statement to Wired explaining why she is speaking at the meeting, “but most residents agree the town is on the wrong track.”')).toEqual([
      ['Many people are unsure about the plan this year,', 'Dana Varga'],
      ['but most residents agree the town is on the wrong track.', 'Dana Varga'],
    ]);
  });

  it('reads a subject whose participial aside ends inside a quotation ("X, noting that “…,” added: “…”")', () => {
    const got = pairs('Councillor Ruth Brandt chairs the county board.', 'Ms. Brandt, noting that the “school budget is not as safe as the road budget,” added: “I am worried about the rural vote. We have to match the city turnout.”');
    expect(got.find(([q]) => q.startsWith('I am worried'))?.[1]).toBe('Ruth Brandt');
  });
  it('names the person behind an age descriptor ("the 56-year-old said"), using the pronouns around it', () => {
    expect(pairs('Marco Ferreira has agreed a deal to replace Paul Dunne as manager until 2026.', 'Dunne was sacked last night after five years in charge.', 'Talks between the club and Ferreira’s agents went on into the night.', 'The 56-year-old said after his appointment: “I am excited to be joining a club with such a great history.”')).toEqual([
      ['I am excited to be joining a club with such a great history.', 'Marco Ferreira'],
    ]);
    expect(pairs('Senator Tom Hale introduced his wife, Nora Hale, to the delegates.', 'Before millions of viewers, the former teacher gave a warm defence of her husband.', '“He has always been a fighter for this state,” said the 46-year-old.')).toEqual([
      ['He has always been a fighter for this state,', 'Nora Hale'],
    ]);
  });

  it('reads a name taking a plural verb as a group, so “they said” goes to it', () => {
    expect(pairs('The singer Ava Lind said the label was blocking her new album.', 'Harbor Records have twice denied doing anything wrong.', '“At no point did we stop her from releasing music,” they said in a statement.')).toEqual([
      ['At no point did we stop her from releasing music,', 'Harbor Records'],
    ]);
  });
  it('reads verbs whose past doubles the last consonant ("admitted", "slammed", "begged", "rebutted")', () => {
    for (const verb of ['admitted', 'slammed', 'begged', 'rebutted']) {
      expect(pairs(`“There was not one issue that drove me to work every day,” Kim Osei ${verb} during an interview.`)).toEqual([
        ['There was not one issue that drove me to work every day,', 'Kim Osei'],
      ]);
    }
  });

  it('reads a verb after an auxiliary and an adverb ("could only quip:")', () => {
    expect(pairs('The timing was so odd that Dana Holt could only quip: “I guess the holiday was booked.”')).toEqual([['I guess the holiday was booked.', 'Dana Holt']]);
  });

  it('takes the name in the apposition after an inverted verb and a possessive role', () => {
    const q = only('“We are treating March as one long Election Day,” said Holt’s deputy campaign manager, Rick Bane, who ran the last ground game.');
    expect([q.speaker, q.role]).toEqual(['Rick Bane', 'Holt’s deputy campaign manager']);
  });

  it('reads a lower-case adjective before a role and a name after an inverted verb', () => {
    expect(pairs('“I do not know where he stands on that,” said undecided Republican voter Stella Hoon of Derry, before the event.')).toEqual([
      ['I do not know where he stands on that,', 'Stella Hoon'],
    ]);
  });

  it('skips an aside between dashes between the subject and the verb', () => {
    expect(pairs('On Friday, Newt Gale — named by the Herald as the leading choice for running mate — told Bill Rand of the station that “you have to look at it very seriously, of course.”')).toEqual([
      ['you have to look at it very seriously, of course.', 'Newt Gale'],
    ]);
  });

  it('finds the subject of a long sentence that ends with a colon before the quote', () => {
    const got = pairs('Times columnist Mark Gale, a speechwriter in a former governor’s office, calls Cruz “a conviction candidate”: “As a candidate, his gift is to sense exactly where the right is at any moment.”');
    expect(got.find(([q]) => q.startsWith('As a candidate'))?.[1]).toBe('Mark Gale');
  });

  it('reads sentences that only present a quote ("Here’s X:", "More from X:", "From X’s post:")', () => {
    expect(pairs('Bill Corran was governor for eight years.', 'Here’s Corran in December 1992: “Our new direction must rest on an understanding of global trade.”', 'More from Jeff Jones: “The partisanship of the state is a starting point for its vote.”', 'From Lena Bush’s Facebook post: “For the sake of our party we must overcome the divisions of this race.”')).toEqual([
      ['Our new direction must rest on an understanding of global trade.', 'Bill Corran'],
      ['The partisanship of the state is a starting point for its vote.', 'Jeff Jones'],
      ['For the sake of our party we must overcome the divisions of this race.', 'Lena Bush'],
    ]);
  });

  it('gives a participle its own subject when a name stands right before it ("has X saying", "with X yelling")', () => {
    expect(pairs('A March exchange between Ed Podell and aide Carla Mills has Podell saying, “We are going to have to dump all those files sooner rather than later.”', 'At a rally, some supporters punched a protester, with Ron Tramp reportedly yelling: “Get him the hell out of here!”')).toEqual([
      ['We are going to have to dump all those files sooner rather than later.', 'Ed Podell'],
      ['Get him the hell out of here!', 'Ron Tramp'],
    ]);
  });

  it('gives "he said" after a yes-no question to the person the question is about', () => {
    expect(pairs('But Senator Mark Rubin only briefly explained the use of more visas.', 'Was voter Sam Szabo satisfied with Rubin’s response?', '“To a point,” he said. “He sort of redirected.”').map(([, s]) => s)).toEqual(['Sam Szabo', 'Sam Szabo']);
  });
  it('takes the name opening a label, not a work named in its role ("Name, editor of The Book: “…”")', () => {
    expect(pairs('Wendy Mann, editor of The Quotable Reader: “The debate convinced more voters that the mayor is unfit for office.”')).toEqual([
      ['The debate convinced more voters that the mayor is unfit for office.', 'Wendy Mann'],
    ]);
  });
  it('carries a quotation left open before a photo caption on to the paragraph after it', () => {
    const { quotes } = extractQuotes([
      { kind: 'paragraph', text: 'Kim Soo-ah, the commander of the western district, said: “These rioters are also criminals. They have to face the consequences.' },
      { kind: 'caption', text: 'The government has warned it will take control of the port (Image: Agency)' },
      { kind: 'paragraph', text: '“Other than coming out to surrender, I do not see any other option for them.”' },
    ]);
    expect(quotes.map((q) => q.speaker)).toEqual(['Kim Soo-ah', 'Kim Soo-ah']);
  });
  it('gives a highlight set apart in a list the speaker of the body quote that repeats it', () => {
    const { quotes } = extractQuotes([
      { kind: 'paragraph', text: 'Members asked about the judgment of another witness, Alex Vidal, who reported to him. Here are some of the highlights:' },
      { kind: 'list-item', text: '"My fears have been realized"' },
      { kind: 'paragraph', text: 'Tim Moran told the committee, "I feared at the time how its disclosure would play. My fears have been realized."' },
    ]);
    expect(quotes.map((q) => [q.quote, q.speaker])).toEqual([
      ['My fears have been realized', 'Tim Moran'],
      ['I feared at the time how its disclosure would play. My fears have been realized.', 'Tim Moran'],
    ]);
  });
  it('reads a name between a dash and a colon as the label of the quote ("Topic - Name: “…”")', () => {
    expect(pairs('Pollsters agree - Carla Bialy: “One of the biggest lessons was a simple one: keep on calling voters late.”', 'RED STATES OUTNUMBER BLUE STATES - Jeff M. Jonas: “The analysis finds that twenty states lean one way.”').map(([, s]) => s)).toEqual(['Carla Bialy', 'Jeff M. Jonas']);
  });

  it('reads "boss" and other informal roles before a name', () => {
    expect(pairs('“The distraction gets you off message a little,” said Republican party boss Reince Prior, though he added that the flap would fade.')[0][1]).toBe('Reince Prior');
  });
  it('gives a subhead that is only a quotation the speaker of the body quote it repeats', () => {
    const got = pairs('Report.', '', '“Both men are in the cabinet and both are ready,” Tom Perez says.', '“We are vetting candidates!”', 'The process is slow.', '“We are vetting candidates!” said Arturo Vega, the head of the association.');
    expect(got.filter(([q]) => q.startsWith('We are vetting')).map(([, s]) => s)).toEqual(['Arturo Vega', 'Arturo Vega']);
  });
  it('resolves "the mayor said" to the mayor named earlier, even after "an explosion that Mayor …"', () => {
    expect(pairs('A street was rocked by an explosion that Mayor Bill de Blasio described as deliberate.', 'At a press conference, the mayor also said it was too early to tell what caused it.', '“We do not see a link to terrorism,” the mayor said.')).toEqual([
      ['We do not see a link to terrorism,', 'Bill de Blasio'],
    ]);
  });
});
