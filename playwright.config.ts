import { defineConfig } from '@playwright/test';

/** End-to-end tests of the built extension in real headless Chromium (see tests/e2e/fixtures.ts). */
export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.spec.ts',
  // One browser at a time: the CI machine has two cores.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  outputDir: 'test-results/e2e',
  use: { trace: 'retain-on-failure', actionTimeout: 15_000 },
});
