/**
 * Real Firefox with the built extension, driven over WebDriver BiDi (no geckodriver): start
 * Firefox headless with a fresh profile, install the extension as a temporary add-on, drive tabs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const GECKO_ID = 'quotemark@quotemark.example';

const CANDIDATES = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((p): p is string => !!p);

export function firefoxPath(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error('No Firefox found: install it with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu) or set FIREFOX_PATH.');
  return found;
}

interface BidiResponse {
  id?: number;
  type?: 'success' | 'error' | 'event';
  result?: unknown;
  error?: string;
  message?: string;
}

export class Bidi {
  private nextId = 1;
  private pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as BidiResponse;
      if (msg.id === undefined) return;
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.type === 'error') p.fail(new Error(`${msg.error}: ${msg.message}`));
      else p.ok(msg.result);
    });
  }
  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: unknown) => void, fail });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

export interface FirefoxWithExtension {
  bidi: Bidi;
  /** moz-extension://UUID/ base of the extension's pages. */
  extensionBase: string;
  /** Open a new tab at `url`, wait for load, return its context id. */
  openTab(url: string): Promise<string>;
  closeTab(context: string): Promise<void>;
  /** Evaluate an expression in a tab; the expression should produce a JSON-serialisable value. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(extensionDir = FIREFOX_BUILD): Promise<FirefoxWithExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}: run \`npm run build:firefox\` first.`);
  const executable = firefoxPath();
  const profile = mkdtempSync(join(tmpdir(), 'qm-firefox-'));
  const uuid = randomUUID();
  const prefs: Record<string, string | boolean | number> = {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.enabled': false,
    'network.dns.localDomains': 'localhost',
  };
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');
  const child: ChildProcess = spawn(executable, ['--headless', '--no-remote', '--remote-debugging-port', '0', '--remote-allow-system-access', '--profile', profile], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  const wsUrl = await new Promise<string>((ok, fail) => {
    let buf = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not start WebDriver BiDi within 30 s:\n${buf.slice(-2000)}`)), 30_000);
    child.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Firefox exited (${code}) before WebDriver BiDi started:\n${buf.slice(-2000)}`));
    });
  });
  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise<void>((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
  const bidi = new Bidi(ws);
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });

  const ff: FirefoxWithExtension = {
    bidi,
    extensionBase: `moz-extension://${uuid}/`,
    async openTab(url) {
      const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    async closeTab(context) {
      await bidi.send('browsingContext.close', { context });
    },
    async evaluate<T>(context: string, expression: string) {
      const r = await bidi.send<{ type: string; result?: { type: string; value?: unknown }; exceptionDetails?: { text?: string } }>('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (r.type !== 'success' || r.result?.type !== 'string') throw new Error(`evaluate failed: ${r.exceptionDetails?.text ?? JSON.stringify(r).slice(0, 300)}`);
      return JSON.parse(String(r.result.value)) as T;
    },
    async close() {
      try {
        await bidi.send('session.end');
      } catch {
        /* already gone */
      }
      ws.close();
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok(null) : child.once('exit', ok)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ff;
}
