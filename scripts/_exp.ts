import { launchWithExtension } from './support/chromium';
import { SAMPLES_DIR, serveDir } from './support/server';
const site = await serveDir(SAMPLES_DIR, 'localhost');
const b = await launchWithExtension();
for (const a of ['harbor-letter.html','transit-vote.html','transit-followup.html','ferry-strike.html']) { const p = await b.context.newPage(); await p.goto(site.base + a); }
await new Promise(r => setTimeout(r, 1500));
const pop = await b.context.newPage(); await pop.setViewportSize({width: 440, height: 580});
await pop.goto(`chrome-extension://${b.extensionId}/popup.html?url=${encodeURIComponent(site.base+'transit-vote.html')}`);
await pop.waitForSelector('.qm-quote');
await pop.screenshot({ path: '/tmp/qmexp/page.png' });
await pop.emulateMedia({ colorScheme: 'dark' });
await pop.screenshot({ path: '/tmp/qmexp/page-dark.png' });
await pop.getByRole('tab', {name:'People'}).click(); await pop.waitForSelector('.qm-person');
await pop.screenshot({ path: '/tmp/qmexp/people-dark.png' });
await pop.emulateMedia({ colorScheme: 'light' });
await pop.getByRole('button', {name:'Settings'}).click();
await pop.screenshot({ path: '/tmp/qmexp/settings.png' });
await b.close(); await site.close();
