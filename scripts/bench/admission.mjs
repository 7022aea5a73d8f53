/**
 * Admission latency against the size of the ledger, compared the way the other figures are:
 * alternating, in the same run. One ledger cannot hold 0 and 1M rows at once, so each size gets
 * a wallet of its own (its own browser and profile), and the wallets take turns.
 */
import { extensionWorker, launchWallet } from '../browser.mjs';
import { chats, fillLedger } from './ledger-fill.mjs';
import { connectPage, setUpWallet } from './setup.mjs';
import { median, round } from './stats.mjs';

/** A wallet (the build at `extension`) set up like the bench's own, connected to `pageUrl`, its ledger filled with `rows` rows. */
export async function walletWithLedger({ mockUrl, pageUrl, rows, extension }) {
  const wallet = await launchWallet({ headless: true, extension });
  try {
    const options = await setUpWallet(wallet, mockUrl);
    const page = await wallet.context.newPage();
    await page.goto(pageUrl);
    await connectPage(wallet.context, page, options);
    await options.close();
    if (rows > 0) await wallet.sw.evaluate(fillLedger, { count: rows, startAt: 0 });
    return { rows, wallet, page };
  } catch (error) {
    await wallet.close();
    throw error;
  }
}

/**
 * Median admission (the worker's own timing) of each wallet: `rounds` turns, each wallet running
 * `runs` chats per turn, the order rotated every turn so no size always follows the same one.
 * `showSpend`: see {@link chats}.
 */
export async function alternatingAdmission(wallets, { rounds, runs, showSpend }) {
  const times = new Map(wallets.map((w) => [w, []]));
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < wallets.length; i++) {
      const w = wallets[(r + i) % wallets.length];
      const sw = extensionWorker(w.wallet.context) ?? w.wallet.sw;
      await sw.evaluate(() => globalThis.byokMetrics.clear());
      await w.page.evaluate(chats, { runs, showSpend });
      // Admission: the reservation, then the pending write (lib/pipeline/trace.ts times them apart).
      const { admit, written } = await sw.evaluate(() => ({ admit: globalThis.byokMetrics.values('admit'), written: globalThis.byokMetrics.values('pendingWrite') }));
      if (admit.length !== runs || written.length !== runs) throw new Error('the worker did not time every admission');
      times.get(w).push(...admit.map((ms, i) => ms + written[i]));
    }
  }
  const bySize = Object.fromEntries(wallets.map((w) => [w.rows, round(median(times.get(w)), 3)]));
  const sizes = wallets.map((w) => w.rows);
  return { ...bySize, ratioLargestToEmpty: round(bySize[Math.max(...sizes)] / bySize[Math.min(...sizes)], 3) };
}
