import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serveDir } from './support/server';
const code = readFileSync('/tmp/pg/prof/qm2.js', 'utf8');
const s = await serveDir('/work/shared/pages/html', '127.0.0.1');
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext(); await ctx.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (r) => r.abort());
for (const f of process.argv.slice(2)) for (let i = 0; i < 3; i++) {
  const p = await ctx.newPage(); await p.goto(s.base + f, { waitUntil: 'load' });
  await p.addScriptTag({ content: code });
  console.log(f, JSON.stringify(await p.evaluate('QM2()'))); await p.close();
}
await b.close(); await s.close();
