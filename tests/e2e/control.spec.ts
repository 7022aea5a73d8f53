/**
 * Control (issue 4), in real Chromium: a site's settings (models, the key per model, budget, rate
 * limit, pause) with the page hearing `grantChanged`; the raise-budget prompt; the dashboard's
 * charts and request log, with CSV export; the popup's spend bar; the audit log.
 * Screenshots are saved as test artifacts (testInfo.outputPath, and attached to the report).
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall, chat, user } from './po/app';
import { clickClosing, nextWindow } from './po/approval-window';
import { connectApproved, walletWithKeys } from './po/setup';
import { uiCall } from './po/wallet-api';
import { lock, tryUnlock } from './po/vault';
import { auditLog, dashboard, editSite, exportAuditLog, exportRequestsCsv, openPopup, openSiteSettings, requestLog, setKeyPrice, toggleSitePause } from './po/control';
import { parseCsv } from '../../lib/dashboard/csv';
import { nanoToDecimal } from '../../lib/dashboard/money';
import { PRICES_UPDATED } from '../../lib/budget/prices';
import { formatUsdAmount, formatUsdSummary } from '../../lib/ui/format';

interface GrantView {
  origin: string;
  models: string[];
  defaultModel: string;
  budget: { usd: number; period: string };
  spentUsd: number;
  rateLimitPerMin: number;
  paused: boolean;
}

interface Row {
  id: string;
  at: number;
  origin: string;
  model: string;
  status: string;
  keyId?: string;
  inputTokens: number;
  outputTokens: number;
  costNano: number;
  errorCode?: number;
}

/** Saves a screenshot of `target` as a test artifact. */
async function shot(testInfo: TestInfo, target: Page | Locator, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await target.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}

/** Collects every grantChanged the page hears, in `window.__grants`. */
async function listenForGrants(app: Page): Promise<void> {
  await app.evaluate(() => {
    const w = window as unknown as { __grants: unknown[]; byok: { on(e: string, f: (g: unknown) => void): void } };
    w.__grants = [];
    w.byok.on('grantChanged', (g) => w.__grants.push(g));
  });
}

const lastGrantHeard = (app: Page) => app.evaluate(() => (window as unknown as { __grants: GrantView[] }).__grants.at(-1) ?? null);

test('site settings: models, the key per model, budget and pause; the page hears grantChanged', async ({ context, options, app, mock }, testInfo) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  // A second key that also serves gpt-4o-mini, to route the model to it.
  await options.addKey({ provider: 'OpenAI-compatible', name: 'Mock compatible', key: TEST_KEY, baseUrl: `${mock.url}/v1` });
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  await listenForGrants(app);

  const form = await editSite(options, origin, {
    models: ['gpt-4o-mini', 'claude-haiku-4-5'],
    defaultModel: 'claude-haiku-4-5',
    keys: { 'gpt-4o-mini': 'Mock compatible' },
    budget: '0.25',
    period: 'per day',
  });
  await expect.poll(() => lastGrantHeard(app)).toMatchObject({
    origin,
    models: ['gpt-4o-mini', 'claude-haiku-4-5'],
    defaultModel: 'claude-haiku-4-5',
    budget: { usd: 0.25, period: 'day' },
  });
  expect(await byokCall(app, 'getGrant')).toMatchObject({ models: ['gpt-4o-mini', 'claude-haiku-4-5'], budget: { usd: 0.25, period: 'day' } });
  await shot(testInfo, options.site(origin), 'site-settings');
  await expect(form.getByLabel('Key for gpt-4o-mini')).toHaveValue(/.+/);
  const listed = (await byokCall(app, 'models')) as { id: string; label: string }[];
  // Labels name the provider, never the person's name for a key (docs/THREAT_MODEL.md).
  expect(listed.map((m) => m.label)).toEqual(['gpt-4o-mini (OpenAI-compatible)', 'claude-haiku-4-5 (Anthropic)']);

  // A model taken away is refused; the default is now Claude; gpt-4o-mini goes through the chosen key.
  expect(await byokCall(app, 'chat', { ...user('x'), model: 'gpt-4o' })).toMatchObject({ error: { code: 4100 } });
  expect((await chat(app, user('default please'))).result).toMatchObject({ model: 'claude-haiku-4-5', provider: 'anthropic' });
  expect((await chat(app, { ...user('routed'), model: 'gpt-4o-mini' })).result?.text).toContain('routed');
  const keys = await uiCall<{ id: string; name: string }[]>(await options.open(), 'keys.list');
  const rows = await uiCall<Row[]>(await options.open(), 'ledger.recent', { limit: 1 });
  expect(rows[0]?.keyId).toBe(keys.find((k) => k.name === 'Mock compatible')?.id);

  // Pause: refused at once (4100), the page hears it; Resume: back.
  await toggleSitePause(options, origin, 'Pause');
  await expect.poll(() => lastGrantHeard(app)).toMatchObject({ paused: true });
  expect(await byokCall(app, 'chat', user('paused?'))).toMatchObject({ error: { code: 4100 } });
  await toggleSitePause(options, origin, 'Resume');
  await expect.poll(() => lastGrantHeard(app)).toMatchObject({ paused: false });
  expect((await chat(app, user('resumed'))).error).toBeUndefined();

  // Revoke is still there and acts at once.
  await options.revoke(origin);
  await expect.poll(() => lastGrantHeard(app)).toBeNull();
});

test('rate limit lowered to 3 a minute: the 4th request gets 4290 and never reaches the provider', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  await editSite(options, origin, { ratePerMinute: '3' });
  await expect.poll(async () => ((await byokCall(app, 'getGrant')) as GrantView).rateLimitPerMin).toBe(3);
  mock.reset();
  for (let i = 0; i < 3; i++) expect((await chat(app, user(`request ${i}`))).error).toBeUndefined();
  const fourth = await chat(app, user('one too many'));
  expect(fourth.error).toMatchObject({ code: 4290 });
  expect(fourth.error?.message).toContain('at most 3 requests a minute');
  expect(mock.stats().completions).toBe(3);
});

test('over budget, "ask": the raise-budget prompt; approve lets the request through, reject is 4402 with nothing sent', async ({ context, options, app, mock }, testInfo) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  // The mock is local (free): a price makes the budget bite. $100 per million tokens each way.
  await options.setPrice('gpt-4o-mini', 100, 100);
  await connectApproved(context, app, {}, '0.01');
  const origin = new URL(app.url()).origin;
  await editSite(options, origin, { overBudget: 'Ask me to raise the budget' });
  mock.reset();
  const ask = { ...user('hello'), model: 'gpt-4o-mini', maxTokens: 50 };

  // Fits: $0.01 covers this request's upper bound ((29 + 50) tokens x $0.0001 = $0.0079).
  expect((await chat(app, ask)).error).toBeUndefined();
  const spent = ((await byokCall(app, 'getGrant')) as GrantView).spentUsd;
  // The next may cost up to (29 + 100) tokens = $0.0129: over $0.01 whatever was spent. The
  // approval window asks to raise the budget; nothing is sent meanwhile.
  const need = spent + 0.0129;
  const raising = chat(app, { ...ask, maxTokens: 100 });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByRole('heading', { name: 'Raise a site’s budget' })).toBeVisible();
  await expect(win.getByTestId('requesting-origin')).toHaveText(origin);
  await expect(win.getByTestId('raise-budget')).toHaveText('$0.01 this month');
  await expect(win.getByTestId('raise-spent')).toHaveText(`$${formatUsdAmount(spent)}`);
  await expect(win.getByTestId('raise-request')).toHaveText('$0.0129');
  // Prefilled with the need, rounded up to a cent.
  const suggested = Number(await win.getByLabel('Budget (USD)').inputValue());
  expect(suggested).toBeGreaterThanOrEqual(need);
  expect(suggested).toBeLessThan(need + 0.01);
  expect(mock.stats().completions).toBe(1);
  await shot(testInfo, win.getByRole('main'), 'raise-budget-prompt');
  await win.getByLabel('Budget (USD)').fill('1');
  await clickClosing(win, 'Approve');
  const approved = await raising;
  expect(approved.error).toBeUndefined();
  expect(approved.result?.text).toContain('hello');
  expect(mock.stats().completions).toBe(2);
  expect(await byokCall(app, 'getGrant')).toMatchObject({ budget: { usd: 1, period: 'month' } });

  // A request whose upper bound ($1.6 at 16k tokens) does not fit what is left: Reject → 4402.
  const big = chat(app, { ...user('a long one'), model: 'gpt-4o-mini', maxTokens: 16_000 });
  await clickClosing(await nextWindow(context, 'approve.html'), 'Reject');
  const refused = await big;
  expect(refused.error).toMatchObject({ code: 4402 });
  expect(refused.error?.message).toContain('did not raise the budget');
  expect(mock.stats().completions).toBe(2);
  expect(await byokCall(app, 'getGrant')).toMatchObject({ budget: { usd: 1 } });

  // Closing the window is a rejection too.
  const closed = chat(app, { ...user('again'), model: 'gpt-4o-mini', maxTokens: 16_000 });
  await (await nextWindow(context, 'approve.html')).close();
  expect((await closed).error).toMatchObject({ code: 4402 });
  expect(mock.stats().completions).toBe(2);
});

test('the dashboard draws spend per site and per provider; the request log filters and exports CSV', async ({ context, options, app, mock, site }, testInfo) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 100, 100);
  await setKeyPrice(options, 'Mock Anthropic', 'claude-haiku-4-5', 50, 50);
  await expect((await options.open()).getByTestId('prices-updated')).toContainText(PRICES_UPDATED);
  await connectApproved(context, app, {}, '5');
  const other = await context.newPage();
  await other.goto(`${site.otherOrigin}/index.html`);
  await connectApproved(context, other, {}, '5');
  const origin = new URL(app.url()).origin;

  expect((await chat(app, { ...user('one'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  expect((await chat(app, { ...user('two'), model: 'claude-haiku-4-5' })).error).toBeUndefined();
  expect((await chat(other, { ...user('three'), model: 'gpt-4o-mini' })).error).toBeUndefined();
  expect(await byokCall(app, 'chat', { ...user('refused'), model: 'not-a-granted-model' })).toMatchObject({ error: { code: 4100 } });

  const page = await options.open();
  await page.reload();
  await options.view('Usage');
  const ledger = await uiCall<Row[]>(page, 'ledger.recent');
  expect(ledger).toHaveLength(4);
  const costs = await Promise.all([app, other].map(async (p) => ((await byokCall(p, 'getGrant')) as GrantView).spentUsd));

  // The dashboard: both charts drawn with their series, the top sites, the totals.
  const board = dashboard(page);
  const sitesChart = board.getByTestId('chart-sites');
  const providersChart = board.getByTestId('chart-providers');
  await expect(sitesChart.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(sitesChart.locator('.recharts-bar-rectangle path, .recharts-rectangle').first()).toBeVisible();
  await expect(sitesChart.locator('.recharts-legend-wrapper')).toContainText(origin);
  await expect(sitesChart.locator('.recharts-legend-wrapper')).toContainText(site.otherOrigin);
  await expect(providersChart.locator('.recharts-legend-wrapper')).toContainText('OpenAI');
  await expect(providersChart.locator('.recharts-legend-wrapper')).toContainText('Anthropic');
  const top = board.getByRole('table', { name: 'Top sites' });
  await expect(top.getByRole('row')).toHaveCount(3);
  await expect(top.getByRole('row').filter({ hasText: origin }).getByRole('cell').nth(1)).toHaveText('2');
  await expect(top.getByRole('row').filter({ hasText: site.otherOrigin }).getByRole('cell').nth(1)).toHaveText('1');
  await expect(board.getByTestId('usage-totals')).toContainText('on 3 requests');
  expect(costs[0]! + costs[1]!).toBeGreaterThan(0);
  await shot(testInfo, board, 'dashboard');

  // The request log: every request of the test, then filtered by site, model, status, time.
  const log = requestLog(page);
  const table = log.getByRole('table', { name: 'Request log' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  for (const row of ledger) await expect(table.locator(`tr[data-id="${row.id}"]`)).toContainText(row.model);
  await log.getByLabel('Filter by status').selectOption('refused');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText('not-a-granted-model');
  await log.getByLabel('Filter by status').selectOption('');
  await log.getByLabel('Filter by site').selectOption(site.otherOrigin);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await log.getByLabel('Filter by site').selectOption('');
  await log.getByLabel('Filter by model').selectOption('gpt-4o-mini');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await log.getByLabel('Filter by model').selectOption('');
  await log.getByLabel('Time range').selectOption({ label: 'Last hour' });
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await shot(testInfo, log, 'request-log');

  // Export CSV: a download whose rows are the ledger's, exactly.
  const download = await exportRequestsCsv(page);
  expect(download.suggestedFilename()).toMatch(/^byok-requests-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvPath = testInfo.outputPath('requests.csv');
  await download.saveAs(csvPath);
  await testInfo.attach('requests.csv', { path: csvPath, contentType: 'text/csv' });
  const [header, ...records] = parseCsv(await readFile(csvPath, 'utf8'));
  expect(header).toEqual(['id', 'time', 'site', 'kind', 'model', 'provider', 'status', 'input_tokens', 'output_tokens', 'cost_usd', 'reserved_usd', 'duration_ms', 'error_code', 'error_message', 'characters', 'seconds', 'images']);
  const cell = (r: string[], name: string) => r[header!.indexOf(name)];
  expect(records.map((r) => cell(r, 'id'))).toEqual(ledger.map((r) => r.id));
  for (const [i, r] of records.entries()) {
    const want = ledger[i]!;
    expect([cell(r, 'site'), cell(r, 'model'), cell(r, 'status'), cell(r, 'input_tokens'), cell(r, 'output_tokens'), cell(r, 'cost_usd'), cell(r, 'time')]).toEqual([
      want.origin,
      want.model,
      want.status,
      String(want.inputTokens),
      String(want.outputTokens),
      nanoToDecimal(want.costNano),
      new Date(want.at).toISOString(),
    ]);
  }
  expect(cell(records.find((r) => cell(r, 'status') === 'refused')!, 'error_code')).toBe('4100');
  // The spend the sites see is the ledger's sum.
  const sum = (o: string) => ledger.filter((r) => r.origin === o).reduce((s, r) => s + r.costNano, 0) / 1e9;
  expect(costs[0]).toBeCloseTo(sum(origin), 12);
  expect(costs[1]).toBeCloseTo(sum(site.otherOrigin), 12);
});

test("the popup shows the site's grant and this period's spend against its budget", async ({ context, options, app, mock, extensionId, site }, testInfo) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice('gpt-4o-mini', 100, 100);
  await connectApproved(context, app, { budget: { usd: 0.05, period: 'day' } });
  const origin = new URL(app.url()).origin;
  expect((await chat(app, { ...user('spend a little'), model: 'gpt-4o-mini', maxTokens: 50 })).error).toBeUndefined();
  const grant = (await byokCall(app, 'getGrant')) as GrantView;
  expect(grant.spentUsd).toBeGreaterThan(0);

  const popup = await openPopup(context, extensionId, origin);
  const card = popup.getByRole('region', { name: 'This site' });
  await expect(card).toContainText(origin);
  const bar = card.getByRole('progressbar', { name: `Spend of ${origin}` });
  await expect(bar).toHaveJSProperty('max', 0.05);
  await expect(bar).toHaveJSProperty('value', grant.spentUsd);
  // Summaries show cents ("< $0.01"); exact amounts are in the request log.
  await expect(card).toContainText(`${formatUsdSummary(grant.spentUsd)} of $0.05 today`);
  await shot(testInfo, popup.getByRole('main'), 'popup');

  // It follows the spend: another request, and the reopened popup shows more.
  expect((await chat(app, { ...user('and a little more'), model: 'gpt-4o-mini', maxTokens: 50 })).error).toBeUndefined();
  const after = (await byokCall(app, 'getGrant')) as GrantView;
  await popup.reload();
  await expect(popup.getByRole('progressbar', { name: `Spend of ${origin}` })).toHaveJSProperty('value', after.spentUsd);

  // A site that is not connected.
  const stranger = await openPopup(context, extensionId, site.otherOrigin);
  await expect(stranger.getByRole('region', { name: 'This site' })).toContainText('This site has not asked to connect');
});

test('the audit log records connects, revokes, unlock failures, keys and settings, and exports', async ({ context, options, app, mock }, testInfo) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  const rejected = byokCall(app, 'connect', {});
  await clickClosing(await nextWindow(context, 'approve.html'), 'Reject');
  expect(await rejected).toMatchObject({ error: { code: 4001 } });
  await connectApproved(context, app, {}, '1');
  const origin = new URL(app.url()).origin;
  await editSite(options, origin, { budget: '2' });
  await options.revoke(origin);
  await lock(options);
  expect(await tryUnlock(options, 'not the passphrase')).not.toBeNull();
  expect(await tryUnlock(options, PASSPHRASE)).toBeNull();

  const page = await options.view('Security');
  const audit = auditLog(page);
  const events = audit.getByRole('table', { name: 'Audit events' });
  for (const label of ['Key added', 'Connection rejected', 'Site connected', 'Site settings changed', 'Site revoked', 'Unlock failed']) {
    await expect(events.getByRole('row').filter({ hasText: label }).first()).toBeVisible();
  }
  await expect(events.getByRole('row').filter({ hasText: 'Site settings changed' })).toContainText('budgetUsd=2');
  await shot(testInfo, audit, 'audit-log');

  for (const format of ['JSON', 'CSV'] as const) {
    const download = await exportAuditLog(page, format);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^byok-audit-\\d{4}-\\d{2}-\\d{2}\\.${format.toLowerCase()}$`));
    const path = testInfo.outputPath(`audit.${format.toLowerCase()}`);
    await download.saveAs(path);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain(TEST_KEY);
    expect(text).not.toContain(PASSPHRASE);
    if (format === 'JSON') {
      const types = (JSON.parse(text) as { type: string }[]).map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['key.added', 'connect.rejected', 'connect.approved', 'grant.updated', 'grant.revoked', 'unlock.failed']));
    } else {
      expect(parseCsv(text)[0]).toEqual(['id', 'time', 'event', 'type', 'site', 'details']);
    }
  }
});

test('the site settings panel lists every model and which key serves it', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await connectApproved(context, app, { models: ['gpt-4o-mini'] }, '1');
  const form = await openSiteSettings(options, new URL(app.url()).origin);
  await expect(form.getByRole('checkbox', { name: 'gpt-4o-mini', exact: true })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'claude-haiku-4-5', exact: true })).not.toBeChecked();
  await expect(form.getByLabel('Key for gpt-4o-mini')).toHaveValue(/.+/);
  await expect(form.getByLabel('Requests per minute')).toHaveValue('30');
  await expect(form.getByLabel('When over budget')).toHaveValue('wallet');
  // An invalid value is refused with a clear message, and nothing changes.
  await form.getByLabel('Requests per minute').fill('0');
  await form.getByRole('button', { name: 'Save site settings' }).click();
  await expect(form.getByRole('alert')).toHaveText('The rate limit must be a whole number of requests a minute, from 1 to 10000');
  expect(await byokCall(app, 'getGrant')).toMatchObject({ rateLimitPerMin: 30 });
});
