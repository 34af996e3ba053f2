/**
 * A database as schema version 1 wrote it: literal rows in v1's shape, hand-written (FROZEN, like
 * the version itself). The migration test opens a v1 database with these rows, upgrades it, and
 * checks nothing is lost.
 */
export const V1 = {
  articles: [
    { id: 1, url: 'https://a.example/2024/harbour', urls: ['https://a.example/2024/harbour', 'https://a.example/2024/harbour?utm_source=x'], site: 'a.example', siteName: 'The A', title: 'Harbour plan', authors: ['Jo Writer'], published: '2024-05-01T10:00:00Z', date: 1714557600000, firstSeen: 1714560000000, lastSeen: 1714570000000, quoteCount: 2 },
    { id: 2, url: 'https://b.example/news/7', urls: ['https://b.example/news/7'], site: 'b.example', siteName: null, title: 'Council votes', authors: [], published: null, date: 1714600000000, firstSeen: 1714600000000, lastSeen: 1714600000000, quoteCount: 2 },
    { id: 3, url: 'https://a.example/2024/other', urls: ['https://a.example/2024/other'], site: 'a.example', siteName: 'The A', title: 'Other', authors: [], published: null, date: 1714700000000, firstSeen: 1714700000000, lastSeen: 1714800000000, quoteCount: 0 },
  ],
  speakers: [
    { id: 1, name: 'Ana Ruiz', type: 'person', scope: 'global', articleId: null, keys: ['n:ana ruiz', 'n:ana m ruiz'], surname: 'ruiz', nameWords: ['ana', 'ruiz', 'm'], aliases: ['Ana M. Ruiz'], roles: [['mayor', 1]], sites: [['a.example', 1], ['b.example', 1]], quoteCount: 2, firstQuoted: 1714557600000, lastQuoted: 1714600000000, listed: 1 },
    { id: 2, name: 'the letter', type: 'document', scope: 'article', articleId: 2, keys: ['l:2:letter'], surname: null, nameWords: [], aliases: [], roles: [], sites: [['b.example', 1]], quoteCount: 1, firstQuoted: 1714600000000, lastQuoted: 1714600000000, listed: 0 },
    { id: 3, name: 'Ben Cole', type: 'person', scope: 'global', articleId: null, keys: ['n:ben cole'], surname: 'cole', nameWords: ['ben', 'cole'], aliases: [], roles: [], sites: [['a.example', 1]], quoteCount: 1, firstQuoted: 1714557600000, lastQuoted: 1714557600000, listed: 1 },
  ],
  quotes: [
    { id: 1, articleId: 1, speakerId: 1, norm: 'we will rebuild the harbour wall before the storms come back', text: 'We will rebuild the harbour wall before the storms come back.', speakerName: 'Ana Ruiz', mention: 'Ruiz', role: 'mayor', cue: 'Ruiz said', kind: 'direct', confidence: 0.92, block: 3, start: 1, end: 62, before: 'At the meeting, ', after: ' she said.', site: 'a.example', url: 'https://a.example/2024/harbour', date: 1714557600000, negDate: -1714557600000, seen: 1714560000000, speakerSort: 'ruiz ana', words: ['rebuild', 'harbour', 'wall', 'storms', 'come', 'back', 'ana', 'ruiz'], sketch: [123456, 234567, 345678], groupId: 1, origin: 'page', speakerFixed: false },
    { id: 2, articleId: 1, speakerId: 3, norm: 'not with our money', text: 'not with our money', speakerName: 'Ben Cole', mention: 'Cole', role: null, cue: 'said Cole', kind: 'partial', confidence: 0.7, block: 4, start: 10, end: 28, before: 'but ', after: '', site: 'a.example', url: 'https://a.example/2024/harbour', date: 1714557600000, negDate: -1714557600000, seen: 1714560000000, speakerSort: 'cole ben', words: ['money', 'ben', 'cole'], sketch: [], groupId: null, origin: 'page', speakerFixed: true },
    { id: 3, articleId: 2, speakerId: 1, norm: 'we will rebuild the harbour wall before the storms come', text: 'We will rebuild the harbour wall before the storms come', speakerName: 'Ana M. Ruiz', mention: 'Ruiz', role: null, cue: 'Ruiz said', kind: 'direct', confidence: 0.88, block: 1, start: 1, end: 56, before: '', after: '', site: 'b.example', url: 'https://b.example/news/7', date: 1714600000000, negDate: -1714600000000, seen: 1714600000000, speakerSort: 'ruiz ana', words: ['rebuild', 'harbour', 'wall', 'storms', 'come', 'ana', 'ruiz'], sketch: [123456, 234567, 999999], groupId: 1, origin: 'page', speakerFixed: false },
    { id: 4, articleId: 2, speakerId: 2, norm: 'the vote is binding', text: 'The vote is binding.', speakerName: 'the letter', mention: 'the letter', role: null, cue: 'the letter says', kind: 'direct', confidence: 0.8, block: 2, start: 1, end: 21, before: '', after: '', site: 'b.example', url: 'https://b.example/news/7', date: 1714600000000, negDate: -1714600000000, seen: 1714600000000, speakerSort: 'letter', words: ['vote', 'binding', 'letter'], sketch: [], groupId: null, origin: 'manual', speakerFixed: true },
  ],
  groups: [{ id: 1, size: 2, created: 1714600000000 }],
  deletions: [{ articleId: 1, norm: 'a quote the user deleted', deleted: 1714565000000 }],
};
