/**
 * Issue 27, as a person sees it: the Prices page names the catalog the built-in prices come from
 * and its date; the dashboard shows which key (and provider) paid for what; a key the provider
 * refused is shown, in plain words, in the popup and the approval window.
 */
import { CATALOG_SOURCE } from '../../lib/budget/catalog.generated';
import { expect, PASSPHRASE, test, TEST_KEY } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { nextWindow } from './po/approval-window';
import { dashboard, openPopup, setKeyPrice } from './po/control';
import { goToView } from './po/options-page';
import { connectApproved, walletWithKeys } from './po/setup';

test('the Prices page names the price catalog and its date', async ({ options, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const page = await options.view('Settings');
  const catalog = page.getByRole('group', { name: 'Price catalog' });
  await expect(catalog).toContainText(`version ${CATALOG_SOURCE.version}, dated ${CATALOG_SOURCE.date}`);
  await expect(catalog.getByRole('link', { name: CATALOG_SOURCE.name })).toHaveAttribute('href', CATALOG_SOURCE.homepage);
});

test('the dashboard shows spend by key, named and masked, and by provider', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 100, 100);
  await setKeyPrice(options, 'Mock Anthropic', 'claude-haiku-4-5', 50, 50);
  await connectApproved(context, app, {}, '5');
  expect((await chat(app, { ...user('one'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  expect((await chat(app, { ...user('two'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  expect((await chat(app, { ...user('three'), model: 'claude-haiku-4-5' })).error).toBeUndefined();

  const page = await options.open();
  await page.reload();
  await goToView(page, 'Usage');
  const byKey = dashboard(page).getByRole('table', { name: 'Spend by key' });
  const masked = `••••${TEST_KEY.slice(-4)}`;
  // Key, provider, requests, spend: each key's own line.
  await expect(byKey.getByRole('row', { name: /Mock OpenAI/ }).getByRole('cell')).toHaveText([`Mock OpenAI ${masked}`, 'OpenAI', '2', /\$0\.01/]);
  await expect(byKey.getByRole('row', { name: /Mock Anthropic/ }).getByRole('cell')).toHaveText([`Mock Anthropic ${masked}`, 'Anthropic', '1', /\$0\.01/]);
  // The secret never shows, only its last four characters.
  await expect(dashboard(page)).not.toContainText(TEST_KEY.slice(0, 12));
  const byProvider = dashboard(page).getByRole('table', { name: 'Spend by provider' });
  // Provider, keys, requests, spend.
  await expect(byProvider.getByRole('row', { name: /^OpenAI/ }).getByRole('cell')).toHaveText(['OpenAI', '1', '2', /\$0\.01/]);
  await expect(byProvider.getByRole('row', { name: /^Anthropic/ }).getByRole('cell')).toHaveText(['Anthropic', '1', '1', /\$0\.01/]);
});

test('a key the provider refused is shown in the popup and marked, unticked, in the approval window', async ({ context, options, app, mock, site, extensionId }) => {
  const revokedKey = `${TEST_KEY}-personal`;
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI', name: 'Personal', key: revokedKey, baseUrl: `${mock.url}/v1` });
  await options.addKey({ provider: 'Anthropic', name: 'Claude key', key: TEST_KEY, baseUrl: mock.url });
  await connectApproved(context, app, {}, '5');

  mock.revoke(revokedKey);
  const refused = await chat(app, { ...user('hi'), model: 'gpt-4o-mini' });
  expect(refused.error).toBeDefined();

  const popup = await openPopup(context, extensionId, new URL(app.url()).origin);
  const attention = popup.getByRole('group', { name: 'Keys that need attention' });
  await expect(attention).toContainText('The key “Personal” does not work: its provider refused it (last checked');
  await expect(attention).toContainText('Incorrect API key provided');
  await expect(attention).not.toContainText('Claude key');

  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  const connecting = byokCall(other, 'connect', {});
  const window = await nextWindow(context, 'approve.html');
  const models = window.getByRole('group', { name: 'Models' });
  // Marked in its own name, and not ticked; the note under the models says why, once for the key.
  await expect(models.getByRole('checkbox', { name: 'gpt-4o-mini via Personal · key not working' })).not.toBeChecked();
  await expect(models.getByRole('checkbox', { name: /claude-haiku-4-5/ })).toBeChecked();
  await expect(models.getByTestId('key-health')).toHaveCount(1);
  await expect(models.getByTestId('key-health')).toContainText('The key “Personal” does not work');
  await window.close();
  // Closed unanswered: a rejection, as for any prompt.
  expect(await connecting).toMatchObject({ error: { code: 4001 } });
});
