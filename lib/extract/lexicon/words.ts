/** Closed word classes the engine uses to read noun phrases without a parser. All lower case. */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

export const DETERMINERS = set(`the a an this that these those his her its their our my your one two three four
  five six seven eight nine ten several some many most another each both every no any few other such`);

export const SUBJECT_PRONOUNS = set('he she they it we i you');

/** Words that may stand between a subject and its speech verb ("Miller also said", "she has said"). */
export const VERB_PRELUDE = set(`also later then once previously recently earlier again further simply just
  finally now still even often repeatedly publicly privately quickly bluntly flatly firmly has had have having
  will would could should may might must did does do was were is are been be being not never always
  reportedly allegedly apparently initially originally first subsequently separately similarly likewise
  too once ultimately eventually immediately promptly quietly angrily proudly openly sharply simply 've 'd 's
  only merely can cannot ’ve ’d ’s`);

/** Prepositions that can sit inside a descriptor noun phrase ("a spokesman for the campaign"). */
export const NP_PREPOSITIONS = set('of for at with from in on to close near within inside outside behind');

/** Words that end a noun phrase scanned leftwards: conjunctions, relatives, clause openers. */
export const CLAUSE_WORDS = set(`and but or nor that which who whom whose when while because as if so than although
  though where after before since until unless whether yet said says told tells`);

/** Words that start a sentence with a capital but are never part of a name. */
export const CAPITALISED_FUNCTION_WORDS = set(`the a an and but or nor so yet for in on at to from by with of as if
  when while after before since until because though although however meanwhile still also then there here
  this that these those his her its their our my your he she it they we i you him them us me who what which
  where why how one some many most several all both each every no not yes asked speaking according during
  despite instead later earlier now today yesterday tomorrow tonight last next first second third finally
  even just only again more less once over under about against between among into onto upon without within
  mr mrs ms dr sir`);

export const MONTHS = set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
export const WEEKDAYS = set('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun');

/** Abbreviations whose period does not end a sentence. */
export const ABBREVIATIONS = set(`mr mrs ms mx dr prof sr jr st sen rep gov gen lt col capt maj sgt adm cmdr cpl pvt
  rev fr hon pres supt insp det ofc atty jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vs v etc
  inc corp co ltd llc bros dept univ assn ave blvd rd mt ft approx est fig al e.g i.e u.s u.k u.n d.c l.a n.y`);
