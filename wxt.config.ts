import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'byok',
    description: 'A key wallet for AI API keys. Sites ask; you approve a budget; your key never leaves the wallet.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'activeTab'],
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://api.openai.com/*', 'https://api.anthropic.com/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'wallet@byok.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
