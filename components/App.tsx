import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '../lib/store/db';
import { PageView } from './PageView';
import { PeopleView } from './PeopleView';

type Tab = 'page' | 'people';

async function currentPageUrl(): Promise<string | null> {
  const param = new URLSearchParams(location.search).get('url');
  if (param) return param;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? null;
}

export function App() {
  const [tab, setTab] = useState<Tab>('page');
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    currentPageUrl().then(setUrl, () => setUrl(null));
  }, []);
  const db = getDb();
  return (
    <main class="qm">
      <header class="qm-header">
        <h1>Quotemark</h1>
        <nav role="tablist" aria-label="Views">
          <button role="tab" aria-selected={tab === 'page'} onClick={() => setTab('page')}>This page</button>
          <button role="tab" aria-selected={tab === 'people'} onClick={() => setTab('people')}>People</button>
        </nav>
      </header>
      <section role="tabpanel">{tab === 'page' ? <PageView db={db} url={url} /> : <PeopleView db={db} />}</section>
    </main>
  );
}
