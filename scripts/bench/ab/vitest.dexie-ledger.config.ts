/**
 * The ledger's own tests, run on the `ab-dexie-ledger` build's stand-in (scripts/bench/ab/dexie-ledger.ts):
 * the same swap as that build (scripts/bench/ab-builds.mjs), so the A/B compares two paths with
 * the same semantics. `npx vitest run --config scripts/bench/ab/vitest.dexie-ledger.config.ts`
 *
 * One test is left out: it spies on `IDBDatabase.transaction`, which Dexie does not call through
 * the instance it patches (when a settlement's transaction starts is ledger.ts's, the same on both paths).
 */
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { abPlugins } from '../ab-builds.mjs';

export default defineConfig({
  plugins: [WxtVitest(), ...abPlugins('ab-dexie-ledger')],
  test: {
    include: ['lib/ledger/**/*.test.ts', 'lib/budget/admit.test.ts', 'lib/pipeline/**/*.test.ts'],
    testNamePattern: /^(?!.*sets up its transaction only in the next task)/,
    environment: 'node',
    setupFiles: ['tests/unit/support/i18n-setup.ts'],
    testTimeout: 20_000,
  },
});
