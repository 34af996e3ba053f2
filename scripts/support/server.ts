/** A static file server for the sample articles, on a loopback host and a free port. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

export const SAMPLES_DIR = resolve(import.meta.dirname, '../../samples');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

export interface StaticServer {
  /** Base URL with the host name the browser should use, ending in "/". */
  base: string;
  close(): Promise<void>;
}

/**
 * Serve `dir` on `listenHost` and address it as `urlHost` (so one server can stand for a second
 * site: listen on 127.0.0.1, visit as localhost). `routes` adds generated responses by path.
 */
export async function serveDir(dir: string, urlHost = '127.0.0.1', routes: Record<string, () => string> = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(route());
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://${urlHost}:${port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
