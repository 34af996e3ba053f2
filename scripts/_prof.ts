import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serveDir } from './support/server';
import { webAppPage, searchPage } from './support/not-articles';
const code = readFileSync('/tmp/pg/prof/qm.js', 'utf8');
const s = await serveDir('/work/shared/pages/html', '127.0.0.1', { '/app.html': () => webAppPage(), '/search.html': () => searchPage() });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext(); await ctx.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
for (const f of process.argv.slice(2)) {
  const p = await ctx.newPage(); await p.goto(s.base + f, { waitUntil: 'load' });
  await p.addScriptTag({ content: code });
  const r = await p.evaluate(`(() => {
    const Q = (globalThis).QM; const out = {};
    const t = (name, fn) => { const a = performance.now(); const v = fn(); out[name] = +(performance.now() - a).toFixed(2); return v; };
    t('signal-cold', () => Q.articleSignal(document)); t('signal-warm', () => Q.articleSignal(document));
    const r1 = t('read-cold', () => Q.readPage(document, location.href)); t('read-warm', () => Q.readPage(document, location.href));
    if (r1.page) { t('extract-cold', () => Q.extractQuotes(r1.page.blocks)); t('extract-warm', () => Q.extractQuotes(r1.page.blocks)); }
    t('capture-warm', () => Q.capturePage(document, location.href));
    out.elements = document.getElementsByTagName('*').length;
    return out;
})()`);
  console.log(f, JSON.stringify(r)); await p.close();
}
await b.close(); await s.close();
