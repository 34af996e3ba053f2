import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOfUrl } from '../lib/settings';
import { useQuoteActions } from './actions';
import { getDb } from './data';
import { lazy } from './lazy';
import { PageView, type PageTarget } from './PageView';
import { resolveTarget, targetFromLocation } from './target';
import { Icon } from './ui/Icon';
import { Logo } from './ui/Logo';
import { Tabs, type TabDef } from './ui/Tabs';
import { ToastHost } from './ui/Toast';
import { useSettings } from './useSettings';
import { SaveErrorBanner } from './SaveErrorBanner';

export type PopupTab = 'page' | 'people' | 'search' | 'recent';

const TABS: TabDef<PopupTab>[] = [
  { id: 'page', label: 'This page' },
  { id: 'people', label: 'People' },
  { id: 'search', label: 'Search' },
  { id: 'recent', label: 'Recent' },
];

const PeopleView = lazy(() => import('./PeopleView').then((m) => m.PeopleView), 'people');
const SpeakerPage = lazy(() => import('./SpeakerPage').then((m) => m.SpeakerPage), 'quotes');
const SearchView = lazy(() => import('./SearchView').then((m) => m.SearchView), 'search');
const RecentView = lazy(() => import('./RecentView').then((m) => m.RecentView), 'recent quotes');
const SettingsView = lazy(() => import('./SettingsView').then((m) => m.SettingsView), 'settings');

export function openLibrary(hash = ''): void {
  const url = browser.runtime.getURL('/library.html') + hash;
  browser.tabs.create({ url }).then(
    () => window.close(),
    () => window.open(url, '_blank'),
  );
}

function useTarget(): PageTarget {
  const named = targetFromLocation();
  const [target, setTarget] = useState<PageTarget>({ url: named ? named.url : undefined, tabId: named?.tabId ?? null, status: undefined });
  // a layout effect: the active tab is asked for before the first paint, not a frame later
  useLayoutEffect(() => {
    resolveTarget((early) => setTarget((t) => (t.url === early.url && t.tabId === early.tabId ? t : { ...early, status: t.status }))).then(
      (t) => setTarget({ url: t.url, tabId: t.tabId, status: t.status }),
      () => setTarget((t) => ({ url: t.url ?? null, tabId: null, status: null })),
    );
  }, []);
  return target;
}

export function App() {
  return (
    <ToastHost>
      <Popup />
    </ToastHost>
  );
}

function Popup() {
  const db = getDb();
  const [tab, setTab] = useState<PopupTab>('page');
  const [showSettings, setShowSettings] = useState(false);
  const [speaker, setSpeaker] = useState<{ id: number; name: string } | null>(null);
  const [peopleFilter, setPeopleFilter] = useState('');
  const [query, setQuery] = useState('');
  const target = useTarget();
  const { settings, update } = useSettings();
  const panel = useRef<HTMLElement>(null);
  const actions = useQuoteActions(db);

  // the other views' code, once the first view is up
  useEffect(() => {
    const t = setTimeout(() => {
      for (const v of [PeopleView, SpeakerPage, SearchView, RecentView, SettingsView]) void v.preload();
    }, 300);
    return () => clearTimeout(t);
  }, []);

  function select(t: PopupTab) {
    setTab(t);
    setShowSettings(false);
    setSpeaker(null);
    panel.current?.scrollTo(0, 0);
  }
  function openSpeaker(id: number, name: string) {
    setShowSettings(false);
    setSpeaker({ id, name });
    panel.current?.scrollTo(0, 0);
  }

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        select('search');
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#qm-search-input')?.focus());
      } else if (e.key === 'Escape' && !document.querySelector('dialog[open]')) {
        if (speaker) {
          e.preventDefault();
          setSpeaker(null);
        } else if (showSettings) {
          e.preventDefault();
          setShowSettings(false);
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const backLabel = { page: 'This page', people: 'People', search: 'Search', recent: 'Recent' }[tab];
  let view;
  if (showSettings) {
    view = settings ? <SettingsView settings={settings} update={update} url={target.url} openLibrary={openLibrary} /> : null;
  } else if (speaker) {
    view = <SpeakerPage key={speaker.id} db={db} id={speaker.id} name={speaker.name} onBack={() => setSpeaker(null)} backLabel={backLabel} onOpenSpeaker={openSpeaker} />;
  } else if (tab === 'page') {
    view = <PageView db={db} target={target} settings={settings} update={update} actions={{ onOpenSpeaker: openSpeaker, onFixSpeaker: actions.onFixSpeaker, onDelete: actions.onDelete }} />;
  } else if (tab === 'people') {
    view = <PeopleView db={db} onOpen={openSpeaker} filter={peopleFilter} onFilter={setPeopleFilter} />;
  } else if (tab === 'search') {
    view = <SearchView db={db} query={query} onQuery={setQuery} onOpenSpeaker={openSpeaker} />;
  } else {
    view = <RecentView db={db} onOpenSpeaker={openSpeaker} />;
  }
  const site = siteOfUrl(target.url);
  return (
    <div class="qm-popup">
        <header class="qm-bar">
          <div class="qm-brand">
            <Logo />
            <h1>Quotemark</h1>
            {settings?.paused && <span class="qm-pill qm-pill--warn">Paused</span>}
          </div>
          <button type="button" class="qm-icon-btn" aria-label="Open the library" title="Library: every quote, with filters" onClick={() => openLibrary()}>
            <Icon name="library" />
          </button>
          <button type="button" class="qm-icon-btn" aria-label="Settings" title={site ? `Settings, and collecting on ${site}` : 'Settings'} aria-expanded={showSettings} aria-controls="qm-panel" onClick={() => setShowSettings(!showSettings)}>
            <Icon name="gear" />
          </button>
        </header>
        <Tabs tabs={TABS} selected={showSettings ? null : tab} onSelect={select} label="Views" />
        <main class="qm-panel" ref={panel}>
          <SaveErrorBanner />
          {showSettings ? (
            <section id="qm-panel" class="qm-panel-inner" aria-label="Settings">
              {view}
            </section>
          ) : (
            <div id="qm-panel" class="qm-panel-inner" role="tabpanel" aria-labelledby={`qm-tab-${tab}`}>
              {view}
            </div>
          )}
        </main>
        {actions.dialog}
    </div>
  );
}
