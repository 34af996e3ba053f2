/**
 * The built extension, read as files (needs `npm run build:all`): the manifests' content security
 * policy and permissions, and the bundles' code. Permissions are compared with the README's table
 * so the two cannot drift; the bundles are parsed for any way to the network or to running a
 * string as code.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditBundle, type Finding } from '../../scripts/support/bundle-audit';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = { 'chrome-mv3': resolve(ROOT, '.output/chrome-mv3'), 'firefox-mv2': resolve(ROOT, '.output/firefox-mv2') } as const;

for (const [name, dir] of Object.entries(BUILDS)) {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build at ${dir}: run \`npm run build:all\` first.`);
}

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches: string[]; js?: string[]; world?: string }[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  incognito?: string;
  sandbox?: unknown;
  [key: string]: unknown;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

/** A policy as directive → sources. */
function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive) out.set(directive.toLowerCase(), sources);
  }
  return out;
}

/** The README's permissions table: every `code` token of the first column. */
function readmePermissions(): string[] {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Permissions'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('|---')));
  const rows = table.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
}

describe('the built manifests', () => {
  for (const [name, dir] of Object.entries(BUILDS)) {
    it(`${name}: a strict content security policy for every extension page`, () => {
      const m = manifest(dir);
      const raw = m.content_security_policy;
      // MV3 takes an object with extension_pages, MV2 a string
      const policy = m.manifest_version === 3 ? (raw as { extension_pages?: string })?.extension_pages : (raw as string);
      expect(typeof policy, `${name} has no content security policy of the right form`).toBe('string');
      const csp = parseCsp(policy!);
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('connect-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      for (const [directive, sources] of csp) {
        for (const s of sources) {
          expect(s, `${directive} allows ${s}`).not.toMatch(/unsafe|^https?:|^wss?:|^\*|^data:|^blob:/i);
        }
      }
    });

    it(`${name}: asks for exactly the permissions and host matches the README lists`, () => {
      const m = manifest(dir);
      const asked = [...(m.permissions ?? []), ...(m.host_permissions ?? []), ...(m.optional_permissions ?? []), ...(m.optional_host_permissions ?? []), ...(m.content_scripts ?? []).flatMap((c) => c.matches)];
      const listed = readmePermissions();
      expect(listed.length).toBeGreaterThan(3);
      expect([...new Set(asked)].sort()).toEqual([...new Set(listed)].sort());
      // matches belong to the content script only: no host permissions, nothing optional
      expect(m.host_permissions ?? []).toEqual([]);
      expect(m.optional_permissions ?? []).toEqual([]);
      expect(m.optional_host_permissions ?? []).toEqual([]);
      expect((m.permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
    });

    it(`${name}: pages and other extensions cannot reach the extension`, () => {
      const m = manifest(dir);
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.externally_connectable).toBeUndefined();
      expect(m.sandbox).toBeUndefined();
      // the content script runs in its own world, never the page's
      for (const c of m.content_scripts ?? []) expect(c.world ?? 'ISOLATED').toBe('ISOLATED');
      // private windows: the browser's default (the user must allow the extension there), see README
      expect(m.incognito ?? 'spanning').toBe('spanning');
    });
  }
});

/**
 * Code in the bundles that may touch HTML from a string, each with why it is safe. Nothing may
 * reach the network or run a string as code: that list is empty and stays empty.
 */
const ALLOWED: { kind: Finding['kind']; what: string; excerpt: RegExp; why: string }[] = [
  {
    kind: 'html-from-string',
    what: '.innerHTML =',
    excerpt: /\.innerHTML=\w+\.__html/,
    why: "Preact's dangerouslySetInnerHTML branch; no component of ours passes dangerouslySetInnerHTML (checked below)",
  },
];

describe('the built bundles', () => {
  for (const [name, dir] of Object.entries(BUILDS)) {
    it(`${name}: no request to anything, no code from strings, HTML from strings only where allowed`, () => {
      const scripts = files(dir, '.js');
      expect(scripts.length).toBeGreaterThan(3);
      const unexpected: string[] = [];
      let allowedSeen = 0;
      for (const f of scripts) {
        for (const finding of auditBundle(readFileSync(f, 'utf8'))) {
          const ok = ALLOWED.some((a) => a.kind === finding.kind && a.what === finding.what && a.excerpt.test(finding.excerpt));
          if (ok) allowedSeen++;
          else unexpected.push(`${relative(dir, f)}: ${finding.kind} ${finding.what} in …${finding.excerpt.replace(/\s+/g, ' ')}…`);
        }
      }
      expect(unexpected).toEqual([]);
      console.log(`${name}: ${scripts.length} scripts parsed; network uses 0, code from strings 0, allowed HTML sinks ${allowedSeen}`);
    });

    it(`${name}: extension pages load only their own files, with no inline script`, () => {
      for (const f of files(dir, '.html')) {
        const html = readFileSync(f, 'utf8');
        for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
          expect(m[2].trim(), `${relative(dir, f)} has an inline script`).toBe('');
          expect(m[1]).toMatch(/\bsrc="\/[^"]+\.js"/);
        }
        for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/gi)) expect(m[1], `${relative(dir, f)} loads ${m[1]}`).toMatch(/^\/[\w./-]+$/);
        expect(html).not.toMatch(/\son\w+=/i);
      }
    });
  }

  it('no component, page or content-script code of ours writes HTML from a string', () => {
    const sources = ['components', 'lib', 'entrypoints'].flatMap((d) => [...files(resolve(ROOT, d), '.ts'), ...files(resolve(ROOT, d), '.tsx')]);
    expect(sources.length).toBeGreaterThan(20);
    const hits = sources.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment/.test(readFileSync(f, 'utf8')));
    expect(hits.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
