/** The library's address: which section, and the quote filters, in the URL hash (shareable, back/forward). */
import type { LibrarySort } from '../data';

export type Section = 'quotes' | 'data' | 'settings';

export interface Filters {
  speakerId?: number;
  speakerName?: string;
  site?: string;
  /** yyyy-mm-dd, inclusive, local time. */
  from?: string;
  to?: string;
  sort: LibrarySort;
  /** Show each statement once (with "also on …"). */
  once: boolean;
}

export const NO_FILTERS: Filters = { sort: 'newest', once: true };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseRoute(hash: string): { section: Section; filters: Filters } {
  const [path, qs = ''] = hash.replace(/^#/, '').split('?');
  const section: Section = path === 'data' || path === 'settings' ? path : 'quotes';
  const p = new URLSearchParams(qs);
  const filters: Filters = { ...NO_FILTERS };
  const speaker = p.get('speaker');
  if (speaker && /^\d+$/.test(speaker)) filters.speakerId = Number(speaker);
  const name = p.get('name');
  if (name) filters.speakerName = name.slice(0, 300);
  const site = p.get('site');
  if (site) filters.site = site.slice(0, 300);
  const from = p.get('from');
  if (from && DAY.test(from)) filters.from = from;
  const to = p.get('to');
  if (to && DAY.test(to)) filters.to = to;
  const sort = p.get('sort');
  if (sort === 'oldest' || sort === 'speaker') filters.sort = sort;
  if (p.get('once') === '0') filters.once = false;
  return { section, filters };
}

export function routeHash(section: Section, filters: Filters = NO_FILTERS): string {
  if (section !== 'quotes') return `#${section}`;
  const p = new URLSearchParams();
  if (filters.speakerId !== undefined) p.set('speaker', String(filters.speakerId));
  if (filters.speakerName) p.set('name', filters.speakerName);
  if (filters.site) p.set('site', filters.site);
  if (filters.from) p.set('from', filters.from);
  if (filters.to) p.set('to', filters.to);
  if (filters.sort !== 'newest') p.set('sort', filters.sort);
  if (!filters.once) p.set('once', '0');
  const qs = p.toString();
  return qs ? `#quotes?${qs}` : '#quotes';
}

/** Local midnight of a yyyy-mm-dd day, in ms. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

/** The store query for these filters: `to` is inclusive here, exclusive in the store. */
export function toQuery(f: Filters): { speakerId?: number; site?: string; from?: number; to?: number; sort: LibrarySort; collapseGroups: boolean } {
  return {
    speakerId: f.speakerId,
    site: f.site,
    from: f.from ? dayStart(f.from) : undefined,
    to: f.to ? dayStart(f.to) + 86_400_000 : undefined,
    sort: f.sort,
    collapseGroups: f.once,
  };
}

export function hasFilters(f: Filters): boolean {
  return f.speakerId !== undefined || !!f.site || !!f.from || !!f.to;
}
