/** The approval and unlock windows the wallet opens for connect() (docs/API.md, "For testers"). */
import type { BrowserContext, Page } from '@playwright/test';

export async function nextWindow(context: BrowserContext, path: 'approve.html' | 'unlock.html'): Promise<Page> {
  const existing = context.pages().find((p) => p.url().includes(path));
  const page = existing ?? (await context.waitForEvent('page', { predicate: (p) => p.url().includes(path) }));
  await page.waitForLoadState('domcontentloaded');
  return page;
}

/**
 * Waits until the window's Approve (or Unlock) button is armed: the wallet ignores it until its
 * window has been shown and focused for a moment (lib/ui/arming.ts), and says so in `data-armed`.
 */
export async function waitArmed(page: Page, name: 'Approve' | 'Unlock' = 'Approve'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).and(page.locator('[data-armed="true"]')).waitFor();
}

/**
 * Clicks a button that closes its window: the window may close before the click returns, which
 * Playwright reports as "Target page, context or browser has been closed"; that is success here.
 * Approve is clicked once it is armed (a click before would be ignored).
 */
export async function clickClosing(page: Page, name: string): Promise<void> {
  const closed = page.waitForEvent('close');
  if (name === 'Approve') await waitArmed(page);
  await page
    .getByRole('button', { name })
    .click()
    .catch((error: unknown) => {
      if (!page.isClosed()) throw error;
    });
  await closed;
}

/**
 * Clicks Approve or Reject in an approval window with other requests queued behind the one it
 * shows: resolves the origin the window shows next, or null once it has closed (none was left).
 */
export async function answerQueued(page: Page, name: 'Approve' | 'Reject'): Promise<string | null> {
  const shown = page.getByTestId('requesting-origin');
  const before = await shown.textContent();
  const closed = page.waitForEvent('close').then(() => null, () => null);
  const next = page
    .waitForFunction((before) => {
      const text = document.querySelector('[data-testid="requesting-origin"]')?.textContent;
      return text && text !== before ? text : false;
    }, before)
    .then((handle) => handle.jsonValue() as Promise<string>, () => null);
  await page
    .getByRole('button', { name })
    .click()
    .catch((error: unknown) => {
      if (!page.isClosed()) throw error;
    });
  return Promise.race([next, closed]);
}

export async function approve(context: BrowserContext, options: { budget?: string; defaultModel?: string } = {}): Promise<Page> {
  const page = await nextWindow(context, 'approve.html');
  const budget = page.getByLabel('Budget (USD)');
  await budget.waitFor();
  if (options.budget !== undefined) await budget.fill(options.budget);
  if (options.defaultModel) await page.getByLabel('Default model').selectOption(options.defaultModel);
  await clickClosing(page, 'Approve');
  return page;
}

export async function reject(context: BrowserContext): Promise<void> {
  const page = await nextWindow(context, 'approve.html');
  await clickClosing(page, 'Reject');
}

export async function unlockWindow(context: BrowserContext, passphrase: string): Promise<void> {
  const page = await nextWindow(context, 'unlock.html');
  // What is typed before the window is armed is dropped (components/UnlockForm.tsx).
  await waitArmed(page, 'Unlock');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await clickClosing(page, 'Unlock');
}
