import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'client/**/*.test.ts', 'mock/**/*.test.{ts,mjs}', 'tests/unit/**/*.test.ts', 'bridge/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/support/i18n-setup.ts'],
    testTimeout: 20_000,
  },
});
