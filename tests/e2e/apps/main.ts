/** Exposes the test apps on `window.testApps`; each loads its SDK on first use. */
const apps = {
  openai: () => import('./openai'),
  anthropic: () => import('./anthropic'),
  vercel: () => import('./vercel'),
  languageModel: () => import('./language-model'),
};

export type TestApps = typeof apps;

(window as unknown as { testApps: TestApps }).testApps = apps;
document.getElementById('status')!.textContent = 'ready';
