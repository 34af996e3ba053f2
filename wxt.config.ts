import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  zip: {
    excludeSources: ['test-results/**', 'bench-out/**', 'eval-out/**', '.ci/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Quotemark',
    description: 'Who said what, across the news you read. Quotes and speakers stay on your machine.',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'contextMenus'],
    action: { default_title: 'Quotemark: who said what' },
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
