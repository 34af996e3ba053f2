import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * WXT's content-script entry gets our quiet context (lib/page/quiet-context-class.ts), which sends
 * nothing into the page and obeys nothing the page dispatches; that module itself gets WXT's.
 */
function quietContentScriptContext(): Plugin {
  const quiet = resolve(import.meta.dirname, 'lib/page/quiet-context-class.ts');
  return {
    name: 'quotemark:quiet-content-script-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'wxt/utils/content-script-context' || !importer || resolve(importer) === quiet) return null;
      return quiet;
    },
  };
}

/**
 * The content security policy of every extension page (popup, library, options, the background):
 * our own scripts, styles, images and fonts only; no inline or remote code, no eval, no network
 * at all (`connect-src 'none'`), no plugins, no framing. Checked in the built manifests and in real
 * Chromium by tests/e2e/build-audit.test.ts and tests/e2e/hostile.test.ts.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), quietContentScriptContext()],
    // no module-preload polyfill: it fetches our own chunks with fetch(); both browsers preload natively
    build: { target: 'es2022', modulePreload: { polyfill: false } },
  }),
  zip: {
    excludeSources: ['test-results/**', 'bench-out/**', 'eval-out/**', '.ci/**'],
  },
  manifest: ({ browser, command }) => ({
    name: 'Quotemark',
    description: 'Who said what, across the news you read. Quotes and speakers stay on your machine.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'contextMenus'],
    action: { default_title: 'Quotemark: who said what' },
    // every build (WXT writes MV2's string form from this); dev mode (`wxt`) keeps WXT's own, which
    // lets its dev server and reload socket in
    ...(command === 'build' ? { content_security_policy: { extension_pages: EXTENSION_PAGES_CSP } } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'quotemark@quotemark.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
