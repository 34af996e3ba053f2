import { useEffect, useState } from 'preact/hooks';
import { counts, getDb } from '../data';
import { count } from '../format';
import { Logo } from '../ui/Logo';
import { ToastHost } from '../ui/Toast';
import { useLive } from '../useLive';
import { DataSection } from './DataSection';
import { QuotesSection } from './QuotesSection';
import { parseRoute, routeHash, type Filters, type Section } from './route';
import { SettingsSection } from './SettingsSection';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'quotes', label: 'Quotes' },
  { id: 'data', label: 'Data' },
  { id: 'settings', label: 'Settings' },
];

function useRoute(): [ReturnType<typeof parseRoute>, (section: Section, filters?: Filters) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [
    route,
    (section, filters) => {
      const hash = routeHash(section, filters ?? route.filters);
      if (hash !== location.hash) history.pushState(null, '', hash);
      setRoute(parseRoute(hash));
    },
  ];
}

/** The library page: long reviews of everything collected, data and settings. */
export function LibraryApp({ only }: { only?: Section[] }) {
  const db = getDb();
  const [route, go] = useRoute();
  const { value: stored } = useLive(() => counts(db), []);
  const sections = only ? only.map((id) => SECTIONS.find((s) => s.id === id)!) : SECTIONS;
  const section = sections.some((s) => s.id === route.section) ? route.section : sections[0].id;
  useEffect(() => {
    document.title = `${sections.find((s) => s.id === section)?.label} · Quotemark`;
  }, [section]);
  return (
    <ToastHost>
      <div class="qm-lib">
        <header class="qm-lib__top">
          <div class="qm-brand">
            <Logo />
            <h1>Quotemark</h1>
          </div>
          <nav aria-label="Library sections">
            {sections.map((s) => (
              <a
                key={s.id}
                href={routeHash(s.id)}
                aria-current={s.id === section ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(s.id, s.id === 'quotes' ? route.filters : undefined);
                }}
              >
                {s.label}
              </a>
            ))}
          </nav>
          {stored && (
            <p class="qm-hint" style={{ marginLeft: 'auto' }}>
              {count(stored.quotes, 'quote')} from {count(stored.speakers, 'person', 'people')} in {count(stored.articles, 'article')}
            </p>
          )}
        </header>
        <main class="qm-lib__main">
          {section === 'quotes' ? <QuotesSection db={db} filters={route.filters} onFilters={(f) => go('quotes', f)} /> : section === 'data' ? <DataSection db={db} /> : <SettingsSection />}
        </main>
      </div>
    </ToastHost>
  );
}
