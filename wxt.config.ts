import { defineConfig } from 'wxt';
import { abPlugins, isAbMode } from './scripts/bench/ab-builds.mjs';

/** Toolbar, extensions page and store (public/icon; `node scripts/icons.mjs` draws them from store/icon.svg). */
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // `wxt build --mode diagnostics` (`npm run build:diagnostics`, into .output/chrome-mv3-diagnostics)
  // is the build the bench and a few e2e tests read the worker's timings from; the others,
  // the zip included, have none (lib/background/wallet.ts). The bench's A/B builds
  // (`--mode ab-…`, scripts/bench/ab-builds.mjs) are diagnostics builds with one mechanism swapped
  // out at build time; every other mode gets no plugin from them.
  vite: (env) => ({
    define: { 'import.meta.env.BYOK_DIAGNOSTICS': JSON.stringify(env.mode === 'diagnostics' || isAbMode(env.mode)) },
    plugins: abPlugins(env.mode),
  }),
  // MV3 for every browser: `wxt build -b firefox` (and zip, dev) would otherwise default to MV2.
  manifestVersion: 3,
  zip: {
    // The sources zip (for Firefox's reviewers) holds what builds the add-on: no test output, no
    // tests (WXT already drops *.test/*.spec files), no other packages' builds. docs/FIREFOX.md.
    excludeSources: ['test-results/**', 'playwright-report/**', 'bench/results.json', '**/*.log', '**/dist/**', 'tests/**', 'test/**'],
  },
  manifest: ({ browser }) => ({
    // Translatable: public/_locales/<lang>/messages.json (English is the default).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: ICONS,
    action: { default_icon: ICONS, default_title: '__MSG_actionTitle__' },
    // nativeMessaging: the byok-bridge host for local apps (lib/apps), started only while "Allow local apps" is on.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'activeTab', 'nativeMessaging'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://api.openai.com/*', 'https://api.anthropic.com/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // No eval, no remote code, and no page may frame the wallet's pages (clickjacking): docs/THREAT_MODEL.md.
    // In Chromium, web pages may frame the one web-accessible page, the lane's bridge (lib/lane);
    // being web-accessible is what lets a page load an extension page at all.
    content_security_policy: { extension_pages: `script-src 'self'; object-src 'self'; frame-ancestors ${browser === 'firefox' ? "'none'" : 'http: https:'}` },
    // The relay is an unlisted script declared here; entrypoints/relay.ts says why.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['relay.js'], run_at: 'document_start', all_frames: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wallet@byok.dev',
              // 128: the first Firefox that runs main-world content scripts (`world: 'MAIN'`).
              strict_min_version: '128.0',
              // Nothing is sent to us: requests go only to the provider the user configured. See docs/FIREFOX.md.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {
          // No other extension and no web page may message the wallet, even if a listener for them existed.
          externally_connectable: { ids: [], matches: [] },
          web_accessible_resources: [{ resources: ['bridge.html'], matches: ['http://*/*', 'https://*/*'] }],
        }),
  }),
});
