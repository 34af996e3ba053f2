/**
 * The browser's own DevTools protocol endpoint, for what Playwright's page-level sessions cannot
 * reach: the extension's service worker as a target (stop it, pause it, watch its network). The
 * browser must be started with `--remote-debugging-port=0`; the port is read from the profile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

export interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export class BrowserCdp {
  private nextId = 1;
  private pending = new Map<number, { ok: (v: Record<string, unknown>) => void; fail: (e: Error) => void }>();
  private listeners = new Set<(e: CdpEvent) => void>();

  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } } & Partial<CdpEvent>;
      if (msg.id !== undefined) {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) p?.fail(new Error(msg.error.message));
        else p?.ok(msg.result ?? {});
        return;
      }
      if (msg.method) for (const l of this.listeners) l({ method: msg.method, params: msg.params ?? {}, sessionId: msg.sessionId });
    });
  }

  /** Connect to the browser whose profile is `userDataDir`. */
  static async connect(userDataDir: string): Promise<BrowserCdp> {
    const [port, path] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    return new BrowserCdp(ws);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((ok, fail) => {
      this.pending.set(id, { ok: ok as (v: Record<string, unknown>) => void, fail });
      this.ws.send(JSON.stringify({ id, method, params, sessionId }));
    });
  }

  on(listener: (e: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first event matching `match`. */
  once(match: (e: CdpEvent) => boolean): Promise<CdpEvent> {
    return new Promise((ok) => {
      const off = this.on((e) => {
        if (match(e)) {
          off();
          ok(e);
        }
      });
    });
  }

  async targets(): Promise<TargetInfo[]> {
    return (await this.send<{ targetInfos: TargetInfo[] }>('Target.getTargets')).targetInfos;
  }

  /** The extension's running service worker (waits for one to run). */
  async serviceWorker(extensionId: string, timeout = 15_000): Promise<TargetInfo> {
    const end = Date.now() + timeout;
    for (;;) {
      const found = (await this.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      if (found) return found;
      if (Date.now() > end) throw new Error(`no service worker of ${extensionId} running after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A flat session on a target (commands take its id). */
  async attach(targetId: string): Promise<string> {
    return (await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })).sessionId;
  }

  close(): void {
    this.ws.close();
  }
}
