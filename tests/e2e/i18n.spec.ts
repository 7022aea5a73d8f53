/**
 * Every word on every page and window of the wallet comes from its message file: the shipped build
 * is copied with each English message wrapped in ⟦ ⟧ (a pseudo-translation), every surface is
 * reached with data in it, and what it shows (its text, its title and the attributes a person
 * reads or hears) may hold outside the brackets only data: numbers, dates, origins, model ids,
 * the key's name, provider and brand names. A word written into the code shows unbracketed and
 * fails the test, wherever it was composed (a component, a formatter, the worker).
 */
import type { Page } from '@playwright/test';
import { PRESETS } from '../../lib/providers/presets';
import { expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { test } from './support/pseudo-locale';
import { byokCall, chat, user } from './po/app';
import { nextWindow } from './po/approval-window';
import { openPopup } from './po/control';
import { uiCall } from './po/wallet-api';

const KEY_NAME = 'Mock OpenAI';
/** Words that are data, not the wallet's words: the brand, provider names, the key's name, the browser's own date words. */
const DATA_WORDS = new Set(['byok', ...PRESETS.flatMap((p) => p.label.split(/\s+/)), ...KEY_NAME.split(' '), 'AM', 'PM', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);

/** What `page` shows a person: its title, its rendered text, and the attributes read aloud or shown on hover. */
function shown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.title, document.body.innerText];
    // translate="no" marks words that are data (a provider's own error text in a tooltip): kept verbatim.
    for (const el of document.querySelectorAll(':not([translate="no"])')) {
      for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** The words of `text` outside the brackets that are not data. */
function unbracketedWords(text: string): string[] {
  let rest = text;
  for (let before = ''; before !== rest; ) [before, rest] = [rest, rest.replace(/⟦[^⟦⟧]*⟧/g, ' ')];
  return rest
    .split(/\s+/)
    // A masked key (••••CRET) is data.
    .filter((token) => !token.includes('•'))
    .map((token) => token.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, ''))
    .filter((token) => /\p{L}{2}/u.test(token) && !/[\d/.:@_-]/.test(token) && !DATA_WORDS.has(token));
}

/** Waits for `page` to show its words (not only its loading line), then checks them. */
async function expectAllWordsFromMessages(page: Page, surface: string): Promise<void> {
  await page.locator('h1, h2').first().waitFor();
  await expect(page.locator('body')).not.toContainText('Loading…');
  const words = (await shown(page)).flatMap(unbracketedWords);
  expect.soft([...new Set(words)], `${surface}: words not from the message file`).toEqual([]);
}

test('every page and window shows only words from its message file', async ({ context, options, app, mock, extensionId }) => {
  const page = await options.open();
  await expectAllWordsFromMessages(page, 'options: create the wallet');

  await uiCall(page, 'vault.create', { passphrase: PASSPHRASE });
  await page.goto(`${options.url}#welcome`);
  await expectAllWordsFromMessages(page, 'options: welcome');
  const { key } = await uiCall<{ key: { id: string } }>(page, 'keys.add', { provider: 'openai', name: KEY_NAME, secret: TEST_KEY, baseUrl: `${mock.url}/v1` });
  await uiCall(page, 'prices.set', { keyId: key.id, model: 'gpt-4o-mini', inputPerM: 100, outputPerM: 100 });

  const connecting = byokCall(app, 'connect', {});
  const approval = await nextWindow(context, 'approve.html');
  await approval.locator('[data-armed="true"]').first().waitFor();
  await expectAllWordsFromMessages(approval, 'approval window: connect');
  await approval.getByRole('button', { name: /Approve/ }).click();
  await connecting;
  const origin = new URL(app.url()).origin;
  expect((await chat(app, { ...user('hello'), model: 'gpt-4o-mini' })).error).toBeUndefined();

  // A budget the next chat may exceed (100 tokens out at $100 per million): the wallet asks to raise it.
  await uiCall(page, 'grants.update', { origin, budget: { usd: 0.01, period: 'month' }, overBudget: 'ask' });
  const overBudget = chat(app, { ...user('again'), model: 'gpt-4o-mini', maxTokens: 100 });
  const raise = await nextWindow(context, 'approve.html');
  await raise.locator('[data-armed="true"]').first().waitFor();
  await expectAllWordsFromMessages(raise, 'approval window: raise the budget');
  const closed = raise.waitForEvent('close');
  // Escape rejects and the window closes, possibly before the key's release reaches it.
  await raise.keyboard.press('Escape').catch((error: unknown) => {
    if (!raise.isClosed()) throw error;
  });
  await closed;
  expect((await overBudget).error?.code).toBe(4402);

  for (const view of ['keys', 'sites', 'usage', 'settings', 'security']) {
    await page.goto(`${options.url}#${view}`);
    await page.reload();
    await expectAllWordsFromMessages(page, `options: ${view}`);
  }
  const popup = await openPopup(context, extensionId, origin);
  await expectAllWordsFromMessages(popup, 'popup: a connected site');

  await uiCall(page, 'vault.lock');
  await page.reload();
  await expectAllWordsFromMessages(page, 'options: locked');
  await popup.reload();
  await expectAllWordsFromMessages(popup, 'popup: locked');
  const waiting = chat(app, { ...user('locked'), model: 'gpt-4o-mini' });
  const unlock = await nextWindow(context, 'unlock.html');
  await expectAllWordsFromMessages(unlock, 'unlock window');
  await unlock.close();
  await waiting;
});
