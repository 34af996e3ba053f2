/**
 * The speech-verb family, as lemmas. Inflections (says, said, saying, has said) are generated in
 * ../verbs.ts. `STRONG` verbs report speech or writing and may attribute a quote anywhere in their
 * sentence; `WEAK` verbs (attitude, cognition, manner) attribute only a quote right next to them.
 */
export const STRONG_SPEECH_VERBS: readonly string[] = [
  'say', 'tell', 'add', 'write', 'tweet', 'post', 'continue', 'insist', 'argue', 'explain', 'note',
  'state', 'declare', 'ask', 'reply', 'respond', 'warn', 'claim', 'announce', 'acknowledge', 'admit',
  'assert', 'comment', 'conclude', 'confirm', 'contend', 'counter', 'deny', 'emphasize', 'emphasise',
  'exclaim', 'maintain', 'mention', 'observe', 'predict', 'promise', 'recall', 'remark', 'repeat',
  'report', 'retort', 'reveal', 'stress', 'testify', 'vow', 'boast', 'complain', 'concede', 'caution',
  'allege', 'answer', 'quip', 'recount', 'reiterate', 'proclaim', 'pledge', 'plead', 'assure', 'inform',
  'remind', 'opine', 'affirm', 'clarify', 'underscore', 'urge', 'call', 'describe', 'dub', 'label',
  'brand', 'term', 'charge', 'suggest', 'joke', 'lament', 'whisper', 'shout', 'yell', 'scream', 'chant',
  'cry', 'mutter', 'murmur', 'text', 'email', 'e-mail', 'message', 'blog', 'read', 'quote', 'cite',
  'write', 'tout', 'speculate', 'predict', 'demand', 'protest', 'object', 'interject', 'elaborate',
  'summarize', 'summarise', 'agree', 'disagree', 'dispute', 'rebut', 'reject', 'dismiss', 'criticize',
  'criticise', 'blast', 'slam', 'rip', 'mock', 'taunt', 'tease', 'praise', 'hail', 'thank', 'apologize',
  'apologise', 'concur', 'conclude', 'preach', 'lecture', 'implore', 'beg', 'pray', 'swear', 'vouch',
  'wonder', 'muse', 'inquire', 'enquire', 'query', 'sigh', 'laugh', 'chuckle', 'scoff', 'snap', 'bark',
  'fume', 'rage', 'rant', 'gush', 'rave', 'groan', 'grumble', 'moan', 'sob', 'recite', 'relate', 'narrate',
  'attest', 'avow', 'aver', 'hint', 'imply', 'indicate', 'signal', 'specify', 'stipulate', 'prophesy',
  'forecast', 'estimate', 'calculate', 'advise', 'counsel', 'instruct', 'order', 'command', 'direct',
  'request', 'invite', 'encourage', 'urge', 'welcome', 'applaud', 'commend', 'condemn', 'denounce',
  'decry', 'rebuke', 'chide', 'scold', 'accuse', 'charge', 'attack', 'defend', 'justify', 'challenge',
  'echo', 'parrot', 'riff', 'question', 'highlight', 'point', 'spell', 'put', 'sum', 'go', 'wrap', 'speak', 'blame', 'accuse', 'press', 'thank', 'label', 'lash', 'fire', 'hit', 'chime', 'weigh', 'shoot',
];

/** Verbs that attribute only a quote immediately next to them ("…," she thought). */
export const WEAK_SPEECH_VERBS: readonly string[] = [
  'think', 'believe', 'feel', 'hope', 'fear', 'worry', 'figure', 'guess', 'reckon', 'suppose', 'recall',
  'remember', 'smile', 'grin', 'nod', 'shrug', 'sneer', 'cheer', 'sing', 'holler', 'mumble', 'whine',
  'plead', 'offer', 'volunteer', 'begin', 'start', 'end', 'finish', 'close', 'open', 'conclude', 'joke',
  'tell', 'show', 'sign', 'type', 'print', 'headline', 'caption', 'title', 'greet', 'pose', 'insist', 'retaliate',
];

/** Irregular past forms and participles. */
export const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['said'],
  tell: ['told'],
  write: ['wrote', 'written'],
  begin: ['began', 'begun'],
  read: ['read'],
  think: ['thought'],
  feel: ['felt'],
  swear: ['swore', 'sworn'],
  sing: ['sang', 'sung'],
  go: ['went', 'gone'],
  put: ['put'],
  spell: ['spelled', 'spelt'],
  rip: ['ripped', 'ripping'],
  snap: ['snapped', 'snapping'],
  quip: ['quipped', 'quipping'],
  sob: ['sobbed', 'sobbing'],
  nod: ['nodded', 'nodding'],
  grin: ['grinned', 'grinning'],
  shrug: ['shrugged', 'shrugging'],
  sum: ['summed', 'summing'],
  wrap: ['wrapped', 'wrapping'],
  dub: ['dubbed', 'dubbing'],
  blog: ['blogged', 'blogging'],
  chat: ['chatted', 'chatting'],
  plead: ['pleaded', 'pled'],
  show: ['showed', 'shown'],
  prophesy: ['prophesied'],
  concur: ['concurred', 'concurring'],
  aver: ['averred', 'averring'],
  label: ['labeled', 'labelled', 'labeling', 'labelling'],
  signal: ['signaled', 'signalled', 'signaling', 'signalling'],
  counsel: ['counseled', 'counselled'],
  forecast: ['forecast'],
  speak: ['spoke', 'spoken'],
  shoot: ['shot', 'shooting'],
  hit: ['hit', 'hitting'],
  admit: ['admitted', 'admitting'],
  rebut: ['rebutted', 'rebutting'],
  slam: ['slammed', 'slamming'],
  beg: ['begged', 'begging'],
};

/**
 * Verbs whose subject is not the speaker: "X quoted Y" and "X cited Y" attribute the words to Y,
 * and "X read from Y" to Y.
 */
export const RELAY_VERBS: readonly string[] = ['quote', 'cite'];

/**
 * Phrasal speech verbs: the verb plus a particle or object noun ("went on", "pointed out", "put it").
 * Matched as the verb, then the particle right after it.
 */
export const PARTICLES: Readonly<Record<string, readonly string[]>> = {
  go: ['on'],
  point: ['out'],
  spell: ['out'],
  put: ['it'],
  sum: ['up', 'it'],
  wrap: ['up'],
  chime: ['in'],
  speak: ['out', 'up'],
  lash: ['out'],
  fire: ['back'],
  hit: ['back'],
  shoot: ['back'],
  weigh: ['in'],
};

/** Verbs that need their particle to count as speech ("went on", but not "went"). */
export const NEEDS_PARTICLE: ReadonlySet<string> = new Set(['go', 'point', 'spell', 'put', 'sum', 'wrap', 'chime', 'lash', 'fire', 'hit', 'shoot', 'weigh']);

/**
 * Forms that are far more often nouns or adjectives than speech verbs ("his comments", "the said
 * document", "a post"). They count as verbs only right after a subject that is not a determiner.
 */
export const NOUN_LIKE_FORMS: ReadonlySet<string> = new Set([
  'comment', 'comments', 'report', 'reports', 'claim', 'claims', 'statement', 'tweet', 'tweets', 'post',
  'posts', 'answer', 'answers', 'promise', 'promises', 'warning', 'warnings', 'order', 'orders', 'call',
  'calls', 'text', 'texts', 'message', 'messages', 'email', 'emails', 'read', 'reads', 'note', 'notes',
  'charge', 'charges', 'question', 'questions', 'request', 'requests', 'demand', 'demands', 'point',
  'points', 'estimate', 'estimates', 'forecast', 'forecasts', 'plea', 'pleas', 'term', 'terms', 'label',
  'labels', 'brand', 'brands', 'signal', 'signals', 'protest', 'protests', 'object', 'objects', 'blast',
  'attack', 'attacks', 'challenge', 'challenges', 'praise', 'cheer', 'cheers', 'hope', 'hopes', 'fear',
  'fears', 'worry', 'worries', 'feel', 'open', 'close', 'end', 'start', 'sign', 'signs', 'type', 'print',
  'title', 'headline', 'caption', 'show', 'shows', 'welcome', 'order', 'direct', 'quote', 'quotes',
  'cite', 'state', 'states', 'counter', 'counters', 'reply', 'replies', 'response', 'offer', 'offers',
  'joke', 'jokes', 'laugh', 'laughs', 'cry', 'cries', 'sigh', 'sighs', 'rant', 'rants', 'groan', 'moan',
  'nod', 'nods', 'grin', 'smile', 'smiles', 'shrug', 'chant', 'chants', 'scream', 'yell', 'shout',
  'whisper', 'pose', 'greet', 'invite', 'hint', 'hints', 'defend', 'highlight', 'highlights', 'spell',
  'go', 'goes', 'put', 'puts', 'sum', 'wrap', 'remark', 'remarks', 'posted', 'ended', 'started', 'opened', 'closed', 'printed',
  'typed', 'signed', 'shown', 'directed', 'ordered', 'reported', 'titled', 'headlined', 'captioned',
  'labeled', 'labelled', 'branded', 'termed', 'dubbed', 'called', 'described', 'quoted', 'cited',
]);
