/**
 * The worker's diagnostics (the pipeline's timings, what the lane carried, the hand-overs that
 * wait) are for the bench and the e2e tests that read them, in the diagnostics build only
 * (`npm run build:diagnostics`). The build that ships (`npm run build`: the production build
 * `npm run zip` packs) has none: neither on the worker's global object nor in its code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { DIAGNOSTICS_PATH, EXTENSION_PATH } from '../../scripts/browser.mjs';

const NAMES = ['byokMetrics', 'byokSentOn', 'byokLanes'];
const exposed = (sw: Worker) => sw.evaluate((names) => names.filter((name) => name in globalThis), NAMES);

test('the shipped build exposes no diagnostics', async ({ sw }) => {
  expect(await exposed(sw)).toEqual([]);
  const code = await readFile(join(EXTENSION_PATH, 'background.js'), 'utf8');
  expect(NAMES.filter((name) => code.includes(name))).toEqual([]);
});

test.describe('the diagnostics build', () => {
  test.use({ extensionPath: DIAGNOSTICS_PATH });

  test('exposes them on the worker', async ({ sw }) => {
    await expect.poll(() => exposed(sw)).toEqual(NAMES);
  });
});
