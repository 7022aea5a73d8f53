/**
 * Attack: a page overspending its budget (docs/THREAT_MODEL.md, docs/BUDGETS.md). Images are
 * reserved at the provider's worst case for the model (the wallet never sees their size), so
 * requests the budget cannot cover are refused before anything is sent; and whatever a provider
 * bills is recorded in full, so a bill above the reservation shows in the spend, is audited, and
 * refuses the site's next requests.
 */
import { test, expect, PASSPHRASE, TEST_KEY } from '../fixtures';
import { chat, type StreamedChat } from '../po/app';
import { connectApproved, walletWithKeys } from '../po/setup';
import { uiCall, type LedgerRow } from '../po/wallet-api';

const MODEL = 'gpt-4o-mini';
const PRICE = { inputPerM: 0.15, outputPerM: 0.6 };
/** gpt-4o-mini's bill for a 768x2048 image at high detail: 2,833 + 6 tiles x 5,667. */
const WORST_IMAGE_TOKENS = 48_169;

/** `n` image URLs, with the mock billing each as the provider bills its largest image. */
function imagesRequest(n: number) {
  const image = { type: 'image', url: 'https://img.example/tall-768x2048.png' };
  return {
    model: MODEL,
    maxTokens: 1,
    messages: [{ role: 'user', content: [{ type: 'text', text: `what is in these? [[image-tokens:${WORST_IMAGE_TOKENS}]]` }, ...Array.from({ length: n }, () => image)] }],
  };
}

/** What the mock billed for a request, at the price the person set (USD). */
const billedUsd = (r: NonNullable<StreamedChat['result']>) => (r.usage.inputTokens * PRICE.inputPerM + r.usage.outputTokens * PRICE.outputPerM) / 1e6;

const spentUsd = (app: import('@playwright/test').Page) => app.evaluate(async () => (await (window as unknown as { byok: { getGrant(): Promise<{ spentUsd: number }> } }).byok.getGrant()).spentUsd);

test('a $0.05 grant: 8 worst-case images are refused with 4402 before sending, and the spend equals what the mock billed', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  // The mock is on 127.0.0.1 (free by default): gpt-4o-mini's real price.
  await options.setPrice(MODEL, PRICE.inputPerM, PRICE.outputPerM);
  await connectApproved(context, app, {}, '0.05');
  mock.reset();

  // Eight images may cost 8 x 48,169 tokens ($0.058): more than the whole budget. Nothing is sent.
  const eight = await chat(app, imagesRequest(8));
  expect(eight.error).toMatchObject({ code: 4402 });
  expect(mock.stats().completions).toBe(0);

  // One image at a time: admitted while the worst case fits, then refused before sending.
  const billed: number[] = [];
  let refused: StreamedChat | undefined;
  for (let i = 0; i < 20 && !refused; i++) {
    const one = await chat(app, imagesRequest(1));
    if (one.error) refused = one;
    else {
      expect(one.result!.usage.inputTokens).toBeGreaterThanOrEqual(WORST_IMAGE_TOKENS);
      billed.push(billedUsd(one.result!));
    }
  }
  expect(refused?.error).toMatchObject({ code: 4402 });
  expect(billed.length).toBe(6);
  expect(mock.stats().completions).toBe(billed.length);
  const spent = await spentUsd(app);
  expect(spent).toBeCloseTo(billed.reduce((a, b) => a + b, 0), 8);
  expect(spent).toBeLessThanOrEqual(0.05);
});

test('a provider billing 50,000 output tokens for a few reserved: the grant shows the bill, the audit log the overrun, and the next request gets 4402', async ({ context, options, app, mock }) => {
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await options.setPrice(MODEL, PRICE.inputPerM, PRICE.outputPerM);
  const grant = (await connectApproved(context, app, {}, '0.01')) as { origin: string };
  mock.reset();

  // Reserved: a few dozen tokens (max tokens 1); billed: 50,000 output tokens, $0.03.
  const over = await chat(app, { model: MODEL, maxTokens: 1, messages: [{ role: 'user', content: 'hi [[output-tokens:50000]]' }] });
  expect(over.error).toBeUndefined();
  expect(over.result!.usage.outputTokens).toBe(50_000);
  expect(over.result!.costUsd).toBeCloseTo(billedUsd(over.result!), 9);
  expect(await spentUsd(app)).toBeCloseTo(billedUsd(over.result!), 9);

  const page = await options.open();
  const [row] = await uiCall<LedgerRow[]>(page, 'ledger.recent', { origin: grant.origin, limit: 1 });
  expect(row!.costNano).toBeGreaterThan(row!.reservedNano);
  expect(row!.costNano / 1e9).toBeCloseTo(billedUsd(over.result!), 9);
  await expect.poll(() => uiCall<{ origin: string; detail: Record<string, unknown> }[]>(page, 'audit.list', { type: 'budget.overrun' })).toEqual([
    expect.objectContaining({ origin: grant.origin, detail: expect.objectContaining({ reservedUsd: row!.reservedNano / 1e9, billedUsd: row!.costNano / 1e9 }) }),
  ]);
  // The person sees it: the site's spend is over its budget, said in plain words, and the audit log has the event.
  await page.reload();
  await options.view('Sites & apps');
  await expect(page.getByText('Over budget: requests are refused.').first()).toBeVisible();
  await options.view('Security');
  await expect(page.getByRole('table', { name: 'Audit events' }).getByRole('row').filter({ hasText: 'Provider billed more than reserved' })).toHaveCount(1);

  // Over its budget now: the site's next request is refused before anything is sent.
  const next = await chat(app, { model: MODEL, maxTokens: 1, messages: [{ role: 'user', content: 'again' }] });
  expect(next.error).toMatchObject({ code: 4402 });
  expect(mock.stats().completions).toBe(1);
});
