/**
 * A database as schema version 2 wrote it (FROZEN): v1's tables, whose rows v2 did not change,
 * and the sites table v2 added, as literal rows.
 */
import { V1 } from './v1';

export const V2 = {
  ...V1,
  sites: [
    { site: 'a.example', siteName: 'The A', articleCount: 2, quoteCount: 2, lastSeen: 1714800000000 },
    { site: 'b.example', siteName: null, articleCount: 1, quoteCount: 2, lastSeen: 1714600000000 },
  ],
};
