/**
 * The shipped build, pseudo-translated: every message but the language code wrapped in ⟦ ⟧, so a
 * test can tell the words that came from the message file from any written into the code. The
 * copy lives for one test.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_PATH } from '../../../scripts/browser.mjs';
import { test as base } from '../fixtures';

function pseudoTranslated(): string {
  const dir = mkdtempSync(join(tmpdir(), 'byok-pseudo-'));
  cpSync(EXTENSION_PATH, dir, { recursive: true });
  const file = join(dir, '_locales/en/messages.json');
  const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
  for (const [key, entry] of Object.entries(messages)) if (key !== 'lang') entry.message = `⟦${entry.message}⟧`;
  writeFileSync(file, JSON.stringify(messages));
  return dir;
}

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: this one has none
  extensionPath: async ({}, use) => {
    const dir = pseudoTranslated();
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});
