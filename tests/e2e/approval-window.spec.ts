/**
 * The approval window helps the person judge a connection: the site's name beside its exact origin,
 * the scopes in plain words, only the models the asked-for scopes use ticked (a contract:
 * lib/grants/preselect.ts), each model's price, the chats a budget buys, a warning for $0 and a
 * second, separately armed step above the "Confirm budgets above" setting.
 */
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, type CallError } from './po/app';
import { clickClosing, nextWindow, waitArmed } from './po/approval-window';
import { walletWithKeys } from './po/setup';

interface GrantView {
  origin: string;
  models: string[];
  defaultModel: string;
  budget: { usd: number; period: string };
}

/** A model's checkbox: its label is "MODEL via KEY". */
const modelBox = (win: Page, model: string) => win.getByRole('checkbox', { name: `${model} via` });

/** The option labels of the Default model select. */
const defaultChoices = (win: Page) => win.getByLabel('Default model').locator('option').allTextContents();

test('a request for chat ticks the chat models but not the embedding model, and says what each costs', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 0.15, 0.6);
  const connecting = byokCall(app, 'connect', { scopes: ['chat', 'models'] });
  const win = await nextWindow(context, 'approve.html');
  await modelBox(win, 'gpt-4o-mini').waitFor();

  await expect(win.getByTestId('site-name')).toHaveText('127.0.0.1');
  await expect(win.getByTestId('requesting-origin')).toHaveText(new URL(app.url()).origin);
  await expect(win.getByRole('list', { name: 'It asks to' }).getByRole('listitem')).toHaveText(['chat with AI models', 'list the models you allow']);

  await expect(modelBox(win, 'gpt-4o-mini')).toBeChecked();
  await expect(modelBox(win, 'gpt-4o')).toBeChecked();
  await expect(modelBox(win, 'claude-haiku-4-5')).toBeChecked();
  await expect(modelBox(win, 'text-embedding-3-small')).not.toBeChecked();
  expect(await defaultChoices(win)).not.toContain('text-embedding-3-small');
  expect(await defaultChoices(win)).toContain('gpt-4o-mini');

  // The price on the key that serves it: the person's price, or free on a local endpoint (the mock is on 127.0.0.1).
  await expect(modelBox(win, 'gpt-4o-mini')).toHaveAccessibleDescription('$0.15 / $0.60 per 1M tokens in/out');
  await expect(modelBox(win, 'gpt-4o')).toHaveAccessibleDescription('free (local)');

  await clickClosing(win, 'Reject');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});

test('a request for embed ticks the embedding model only, and approving grants just that', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall<GrantView>(app, 'connect', { scopes: ['embed'] });
  const win = await nextWindow(context, 'approve.html');
  await modelBox(win, 'text-embedding-3-small').waitFor();
  await expect(win.getByRole('list', { name: 'It asks to' })).toHaveText('create embeddings (text → vectors)');
  await expect(modelBox(win, 'text-embedding-3-small')).toBeChecked();
  for (const model of ['gpt-4o-mini', 'gpt-4o', 'claude-haiku-4-5']) await expect(modelBox(win, model)).not.toBeChecked();
  expect(await defaultChoices(win)).toEqual(['text-embedding-3-small']);
  await clickClosing(win, 'Approve');
  expect(await connecting).toMatchObject({ models: ['text-embedding-3-small'], defaultModel: 'text-embedding-3-small' });
});

test('a request naming its models ticks those', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall<GrantView>(app, 'connect', { models: ['gpt-4o', 'text-embedding-3-small'] });
  const win = await nextWindow(context, 'approve.html');
  await modelBox(win, 'gpt-4o').waitFor();
  await expect(modelBox(win, 'gpt-4o')).toBeChecked();
  await expect(modelBox(win, 'text-embedding-3-small')).toBeChecked();
  expect(await defaultChoices(win)).toEqual(['gpt-4o']);
  await clickClosing(win, 'Approve');
  expect(await connecting).toMatchObject({ models: ['gpt-4o', 'text-embedding-3-small'], defaultModel: 'gpt-4o' });
});

test('the chats a budget buys follow the budget and the default model', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 0.15, 0.6);
  const connecting = byokCall(app, 'connect', { budget: { usd: 1, period: 'day' } });
  const win = await nextWindow(context, 'approve.html');
  const estimate = win.getByTestId('chats-estimate');
  // $1 at 1,000 tokens in ($0.00015) and 500 out ($0.0003): 2,222 chats.
  await expect(estimate).toHaveText('About 2,200 chats like this per day');
  await expect(win.getByText('A chat here: 1,000 tokens in and 500 out, on the default model.')).toBeVisible();
  await win.getByLabel('Budget (USD)').fill('0.1');
  await expect(estimate).toHaveText('About 220 chats like this per day');
  await win.getByLabel('Budget period').selectOption({ label: 'per month' });
  await expect(estimate).toHaveText('About 220 chats like this per month');
  await win.getByLabel('Default model').selectOption('gpt-4o');
  await expect(estimate).toHaveText(/this model is free/);
  await win.getByLabel('Budget (USD)').fill('');
  await expect(estimate).toHaveText('—');
  await clickClosing(win, 'Reject');
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});

/** Records the `data-armed` the "Approve anyway" button has when it first appears. */
function recordFirstArmed(win: Page): Promise<void> {
  return win.evaluate(() => {
    const seen = window as unknown as { firstArmed?: string | null };
    const observer = new MutationObserver(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Approve anyway');
      if (button && seen.firstArmed === undefined) seen.firstArmed = button.getAttribute('data-armed');
    });
    observer.observe(document.body, { subtree: true, childList: true });
  });
}

test('a budget above the threshold needs a second, separately armed confirm', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall<GrantView>(app, 'connect', { budget: { usd: 50, period: 'day' } });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByTestId('high-budget')).toHaveText('More than your $20.00 limit for a site: Approve will ask you to confirm.');
  await waitArmed(win);
  await recordFirstArmed(win);
  await win.getByRole('button', { name: 'Approve', exact: true }).click();
  const step = win.getByRole('group', { name: 'This lets 127.0.0.1 spend up to $50.00 per day. Approve anyway?' });
  await expect(step).toBeVisible();
  // Shown unarmed: the click that opened it, or keys meant for a page, cannot confirm it.
  expect(await win.evaluate(() => (window as unknown as { firstArmed?: string }).firstArmed)).toBe('false');
  await expect(step.getByRole('button', { name: 'Change budget' })).toBeFocused();
  expect(win.isClosed()).toBe(false);

  // Going back, then confirming.
  await step.getByRole('button', { name: 'Change budget' }).click();
  await expect(step).toBeHidden();
  await waitArmed(win);
  await win.getByRole('button', { name: 'Approve', exact: true }).click();
  const closed = win.waitForEvent('close');
  const confirm = step.getByRole('button', { name: 'Approve anyway' });
  await confirm.and(win.locator('[data-armed="true"]')).waitFor();
  await confirm.click().catch((error: unknown) => {
    if (!win.isClosed()) throw error;
  });
  await closed;
  expect(await connecting).toMatchObject({ budget: { usd: 50, period: 'day' } });
});

test('a budget at or below the threshold approves at once; the threshold is a wallet setting', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const first = byokCall<GrantView>(app, 'connect', { budget: { usd: 20, period: 'day' } });
  const atThreshold = await nextWindow(context, 'approve.html');
  await atThreshold.getByTestId('chats-estimate').waitFor();
  await expect(atThreshold.getByTestId('high-budget')).toHaveCount(0);
  await clickClosing(atThreshold, 'Approve');
  expect(await first).toMatchObject({ budget: { usd: 20, period: 'day' } });
  await byokCall(app, 'disconnect');

  // Lowered to $2: now $5 asks twice.
  const page = await options.view('Settings');
  await page.getByLabel('Confirm budgets above (USD)').fill('2');
  await page.getByRole('button', { name: 'Save threshold' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const second = byokCall<GrantView>(app, 'connect', { budget: { usd: 5, period: 'week' } });
  const win = await nextWindow(context, 'approve.html');
  await waitArmed(win);
  await win.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(win.getByRole('group', { name: 'This lets 127.0.0.1 spend up to $5.00 per week. Approve anyway?' })).toBeVisible();
  await clickClosing(win, 'Reject');
  expect(await second).toMatchObject({ error: { code: 4001 } });
});

test('a budget of $0 warns that the site can do nothing billable, and is still allowed', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const connecting = byokCall<GrantView | CallError>(app, 'connect', { budget: { usd: 0, period: 'day' } });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByTestId('zero-budget')).toHaveText(/can do nothing that costs money/);
  await win.getByLabel('Budget (USD)').fill('1');
  await expect(win.getByTestId('zero-budget')).toBeHidden();
  await win.getByLabel('Budget (USD)').fill('0');
  await clickClosing(win, 'Approve');
  expect(await connecting).toMatchObject({ budget: { usd: 0, period: 'day' } });
});
