/**
 * Destructive actions are safe: Revoke acts at once but says so and offers Undo; deleting a key
 * asks first, naming the sites it serves. Focus goes to the sensible control after each.
 */
import { expect, PASSPHRASE, test, TEST_KEY } from './fixtures';
import { byokCall } from './po/app';
import { connectApproved, walletWithKeys } from './po/setup';

test('Revoke acts at once, says so naming the site, and Undo puts the grant back with its spend', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const origin = new URL(app.url()).origin;
  await connectApproved(context, app, { budget: { usd: 1, period: 'day' } });
  await byokCall(app, 'chat', { messages: [{ role: 'user', content: 'hello' }], maxTokens: 16 });
  const before = (await byokCall(app, 'getGrant')) as { spentUsd: number };

  const page = await options.open();
  await page.reload();
  await options.view('Sites & apps');
  const revoke = options.site(origin).getByRole('button', { name: 'Revoke', exact: true });
  await expect(revoke).toHaveAccessibleDescription(origin);
  await revoke.click();
  const notice = page.getByRole('status').filter({ hasText: 'Revoked' });
  await expect(notice).toContainText(`Revoked ${origin}`);
  await expect.poll(() => byokCall(app, 'getGrant')).toBeNull();
  const undo = notice.getByRole('button', { name: `Undo revoking ${origin}` });
  await expect(undo).toBeFocused();

  await undo.click();
  await expect(notice).toBeHidden();
  await expect(options.site(origin)).toBeVisible();
  const after = (await byokCall(app, 'getGrant')) as { origin: string; spentUsd: number };
  expect(after.origin).toBe(origin);
  expect(after.spentUsd).toBe(before.spentUsd);
});

test('deleting a key asks first, naming the sites it serves; Cancel keeps it, Delete key removes it', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const origin = new URL(app.url()).origin;
  await connectApproved(context, app, { models: ['gpt-4o-mini'] });
  const page = await options.view('Keys');
  const key = page.getByRole('listitem', { name: 'Mock OpenAI' });

  await key.getByRole('button', { name: 'Delete key Mock OpenAI' }).click();
  const confirm = page.getByRole('alertdialog', { name: /Delete the key “Mock OpenAI”\?/ });
  await expect(confirm).toContainText(`This site uses it: ${origin}`);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(key).toBeVisible();

  await key.getByRole('button', { name: 'Delete key Mock OpenAI' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete key', exact: true }).click();
  await expect(key).toBeHidden();
  await expect(page.getByRole('listitem', { name: 'Mock Anthropic' })).toBeVisible();
});
