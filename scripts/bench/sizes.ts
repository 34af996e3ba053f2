/**
 * Built bundle sizes, gzip (zlib level 9), from a release build of the extension (.output/chrome-mv3).
 * Which files count:
 *   - content script: every file the manifest's `content_scripts` list (js and css);
 *   - background: the manifest's service worker and the modules it imports statically;
 *   - popup: what its first view loads: popup.html, its module script, the chunks it preloads and
 *     imports statically (followed transitively), and its style sheets. Chunks loaded later with
 *     `import()` (other tabs of the popup, the library) do not count.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Sum of each file's gzip size, KB (1024 bytes). */
  kbGzip: number;
  /** Sum of the files' sizes as built (minified), KB. */
  kbRaw: number;
  files: string[];
}

export interface Sizes {
  content: BundleSize;
  background: BundleSize;
  popup: BundleSize;
}

/** Static imports of an ES module chunk (`import … from "./x.js"`, `import "./x.js"`); not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]);
  const reExport = /(?:^|[;\s}])export\s*(?:\*|\{[^}]*\})\s*from\s*["']([^"']+\.js)["']/g;
  for (let m = reExport.exec(code); m; m = reExport.exec(code)) out.push(m[1]);
  return out;
}

/** `files` and every module they import statically, as paths relative to the build root. */
function withStaticImports(root: string, files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const f = queue.shift()!;
    if (seen.has(f)) continue;
    seen.add(f);
    if (!f.endsWith('.js')) continue;
    for (const spec of staticImports(readFileSync(join(root, f), 'utf8'))) {
      const target = spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(f), spec));
      if (existsSync(join(root, target))) queue.push(target);
    }
  }
  return [...seen];
}

function measure(root: string, files: string[]): BundleSize {
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const buf = readFileSync(join(root, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { kbGzip: Math.round((gz / 1024) * 10) / 10, kbRaw: Math.round((raw / 1024) * 10) / 10, files };
}

/** What popup.html loads before anything runs: module scripts, modulepreloads, style sheets. */
function htmlAssets(root: string, html: string): string[] {
  const text = readFileSync(join(root, html), 'utf8');
  const out: string[] = [];
  const re = /<(?:script[^>]*\bsrc|link[^>]*\brel="(?:modulepreload|stylesheet)"[^>]*\bhref)="([^"]+)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1].replace(/^\//, ''));
  return out;
}

export function bundleSizes(buildDir: string): Sizes {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
    background?: { service_worker?: string; scripts?: string[] };
    action?: { default_popup?: string };
  };
  const content = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const popupHtml = manifest.action?.default_popup ?? 'popup.html';
  return {
    content: measure(buildDir, [...new Set(content)]),
    background: measure(buildDir, withStaticImports(buildDir, background)),
    popup: measure(buildDir, [popupHtml, ...withStaticImports(buildDir, htmlAssets(buildDir, popupHtml))]),
  };
}
