import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { siteOfUrl } from '../lib/settings';
import { getDb } from './data';
import { PageView, type PageTarget } from './PageView';
import { PeopleView } from './PeopleView';
import { SettingsView } from './SettingsView';
import { resolveTarget, targetFromLocation } from './target';
import { Icon } from './ui/Icon';
import { Logo } from './ui/Logo';
import { Tabs, type TabDef } from './ui/Tabs';
import { ToastHost } from './ui/Toast';
import { useSettings } from './useSettings';

export type PopupTab = 'page' | 'people' | 'search' | 'recent';

const TABS: TabDef<PopupTab>[] = [
  { id: 'page', label: 'This page' },
  { id: 'people', label: 'People' },
  { id: 'search', label: 'Search' },
  { id: 'recent', label: 'Recent' },
];

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
  useEffect(() => {
    resolveTarget().then(
      (t) => setTarget({ url: t.url, tabId: t.tabId, status: t.status }),
      () => setTarget((t) => ({ url: t.url ?? null, tabId: null, status: null })),
    );
  }, []);
  return target;
}

export function App() {
  const db = getDb();
  const [tab, setTab] = useState<PopupTab>('page');
  const [showSettings, setShowSettings] = useState(false);
  const [speaker, setSpeaker] = useState<{ id: number; name: string } | null>(null);
  const target = useTarget();
  const { settings, update } = useSettings();
  const panel = useRef<HTMLElement>(null);

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
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
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

  const actions = { onOpenSpeaker: openSpeaker };
  let view;
  if (showSettings) {
    view = settings ? <SettingsView settings={settings} update={update} url={target.url} openLibrary={openLibrary} /> : null;
  } else if (tab === 'page') {
    view = <PageView db={db} target={target} settings={settings} update={update} actions={actions} />;
  } else if (tab === 'people') {
    view = <PeopleView db={db} speaker={speaker} onOpen={openSpeaker} onBack={() => setSpeaker(null)} />;
  } else {
    view = <p class="qm-loading">Coming soon</p>;
  }
  const site = siteOfUrl(target.url);
  return (
    <ToastHost>
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
      </div>
    </ToastHost>
  );
}
