/**
 * First run (docs/API.md, "For testers"): installing opens the wallet's welcome page, and a site's
 * connect made before the wallet or any key exists waits while the person sets up, then the
 * approval window opens and the call resolves when they approve.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, PASSPHRASE, test, TEST_KEY } from './fixtures';
import { byokCall } from './po/app';
import { approve } from './po/approval-window';

async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (p: Page) => p.url().endsWith('/options.html#welcome');
  const page = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome }));
  await page.getByRole('heading', { name: 'Welcome to byok' }).waitFor();
  return page;
}

test('installing opens the welcome page, and a connect made before any wallet resolves after setup and approval', async ({ context, options, app, mock }) => {
  const welcome = await welcomePage(context);
  await expect(welcome.getByRole('button', { name: 'Create wallet' })).toBeVisible();

  const connecting = byokCall(app, 'connect', { budget: { usd: 0.5, period: 'day' } });
  // The site waits, named on the page: no error comes back while the person sets up.
  await expect(welcome.getByRole('status')).toContainText(`${new URL(app.url()).origin} is waiting to connect`);
  options.page = welcome;
  await options.createWallet(PASSPHRASE);
  await expect(welcome.getByText('Add an API key')).toHaveAttribute('aria-current', 'step');
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key: TEST_KEY, baseUrl: `${mock.url}/v1` });
  await approve(context, { budget: '0.25' });

  const grant = (await connecting) as { origin: string; budget: { usd: number } };
  expect(grant.origin).toBe(new URL(app.url()).origin);
  expect(grant.budget.usd).toBe(0.25);
  await expect(welcome.getByRole('heading', { name: 'Welcome to byok' })).toBeHidden();
});

test('a connect waiting for setup is rejected with 4001 when the person closes the setup page', async ({ context, app }) => {
  const welcome = await welcomePage(context);
  const connecting = byokCall(app, 'connect', {});
  await expect(welcome.getByRole('status')).toContainText('is waiting to connect');
  // The waiting request focuses the same page rather than opening another.
  expect(context.pages().filter((p) => p.url().includes('/options.html'))).toHaveLength(1);
  await welcome.close();
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});
