/**
 * A mechanism measured with and without it, in the same run (docs/PERFORMANCE.md, "Mechanisms
 * that must pay for themselves"). "With" is the diagnostics build, the product as it ships plus
 * its timings; "without" is the A/B build of `mode` (scripts/bench/ab-builds.mjs), the same with
 * the mechanism swapped out. Each gets a fresh profile (a wallet set up by Playwright, then run in
 * a browser nobody observes, bench/plain-browser.mjs); both stay open and take turns, the order
 * swapped every turn, so a busy machine slows both alike.
 *
 * Each turn, a build runs `runs` first tokens (byok, and the page's direct fetch beside it) and
 * one burst of 100 concurrent streams; the worker's own timings (lib/pipeline/trace.ts) tell the
 * admission stages and the settlement apart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIAGNOSTICS_PATH } from '../browser.mjs';
import { AB_BUILDS } from './ab-builds.mjs';
import { concurrencyProbe, ttftProbe } from './page-probes.mjs';
import { launchPlainBrowser, unlockedBenchPage } from './plain-browser.mjs';
import { connectedProfile } from './setup.mjs';
import { median, round } from './stats.mjs';

/** Where `wxt build --mode <mode>` puts an A/B build. */
export const abPath = (mode) => resolve(`.output/chrome-mv3-${mode}`);

/** Every measure of a turn: the worker's series, by the name lib/pipeline/trace.ts records them under. */
const WORKER_SERIES = ['toFirstDelta', 'admit', 'pendingWrite', 'settle'];

/**
 * @param {{ mode: string, mockUrl: string, siteUrl: string, turns: number, runs: number, streams?: number }} options
 * @returns {Promise<object>} each side's medians, and what the mechanism buys on each (1 - with/without)
 */
export async function abBench({ mode, mockUrl, siteUrl, turns, runs, streams = 100 }) {
  const sides = [];
  const loadBefore = loadavg()[0];
  try {
    for (const [side, extension] of [['with', DIAGNOSTICS_PATH], ['without', abPath(mode)]]) sides.push({ side, ...(await measuredWallet({ extension, mockUrl, siteUrl })) });
    const series = Object.fromEntries(sides.map(({ side }) => [side, { sentOn: { port: 0, lane: 0 }, ttft: [], direct: [], concurrent: [], concurrentDirect: [], ...Object.fromEntries(WORKER_SERIES.map((n) => [n, []])) }]));
    for (let turn = 0; turn < turns; turn++) {
      for (const s of turn % 2 ? [...sides].reverse() : sides) {
        const into = series[s.side];
        // A worker left idle while the other side ran may have been stopped: a few chats start it
        // again, with its lane (if it has one) up and its code warm, before anything is timed.
        await s.page.evaluate(ttftProbe, { mockUrl, runs: 3 });
        const sentBefore = await inWorker(s.plain, () => (globalThis.byokMetrics.clear(), { ...globalThis.byokSentOn }));
        const ttft = await s.page.evaluate(ttftProbe, { mockUrl, runs });
        into.ttft.push(...ttft.byok);
        into.direct.push(...ttft.direct);
        const worker = await inWorker(s.plain, (names) => ({ ...Object.fromEntries(names.map((n) => [n, globalThis.byokMetrics.values(n)])), sentOn: globalThis.byokSentOn }), WORKER_SERIES);
        // Which way the timed chats' answers went: the lane's A/B is void if "with" did not use it.
        into.sentOn.port += worker.sentOn.port - sentBefore.port;
        into.sentOn.lane += worker.sentOn.lane - sentBefore.lane;
        for (const name of ['toFirstDelta', 'admit', 'pendingWrite']) if (worker[name].length !== runs) throw new Error(`${mode}, ${s.side}: the worker timed ${worker[name].length} of ${runs} runs (${name})`);
        // Admission as the admission figure counts it: the check and reservation, then the pending write.
        into.admission ??= [];
        into.admission.push(...worker.admit.map((ms, i) => ms + worker.pendingWrite[i]));
        for (const name of WORKER_SERIES) into[name].push(...worker[name]);
        const conc = await s.page.evaluate(concurrencyProbe, { mockUrl, streams });
        into.concurrent.push(conc.byok);
        into.concurrentDirect.push(conc.direct);
      }
    }
    const medians = Object.fromEntries(Object.entries(series).map(([side, all]) => [side, summary(all)]));
    if (mode === 'ab-port-only' && (series.with.sentOn.lane === 0 || series.without.sentOn.lane > 0)) throw new Error(`the lane's A/B did not compare the lane with the port: ${JSON.stringify(series.with.sentOn)} vs ${JSON.stringify(series.without.sentOn)}`);
    const buys = Object.fromEntries(Object.keys(medians.with).filter((k) => typeof medians.with[k] === 'number').map((k) => [k, round(1 - medians.with[k] / medians.without[k], 3)]));
    // The machine's 1-minute load average as the A/B began and ended: ratios within the run are what count.
    const load = [round(loadBefore), round(loadavg()[0])];
    const sentOn = Object.fromEntries(Object.entries(series).map(([side, all]) => [side, all.sentOn]));
    return { mode, mechanism: AB_BUILDS[mode].mechanism, turns, runsPerTurn: runs, streams, load, with: medians.with, without: medians.without, buys, sentOn };
  } finally {
    for (const s of sides) await s.close();
  }
}

/**
 * Each side's medians (ms). Each side is a browser of its own, and the page's direct fetch in it
 * is its baseline: `addedFirstToken` (byok's first token less the direct one) and
 * `concurrentOverDirect` (100 streams through byok over the same 100 fetched by the page) are the
 * product's own figures, and keep a difference between the two browsers out of the comparison.
 * `messaging` is byok's first token less the worker's own part of it.
 */
function summary(all) {
  const m = (values) => round(median(values), 3);
  return {
    addedFirstToken: round(median(all.ttft) - median(all.direct), 3),
    concurrentOverDirect: round(median(all.concurrent) / median(all.concurrentDirect), 3),
    firstToken: m(all.ttft),
    messaging: round(median(all.ttft) - median(all.toFirstDelta), 3),
    workerToFirstDelta: m(all.toFirstDelta),
    pendingWrite: m(all.pendingWrite),
    admission: m(all.admission),
    settle: m(all.settle),
    concurrentStreams: m(all.concurrent),
    // The page's own fetch in the same browser: both sides should see the same machine.
    directFirstToken: m(all.direct),
    directConcurrentStreams: m(all.concurrentDirect),
    // The spread of the 100-stream bursts (one a turn): their first and third quartiles.
    concurrentQuartiles: [quantile(all.concurrent, 0.25), quantile(all.concurrent, 0.75)].map((q) => round(q)),
  };
}

/** A fresh wallet of the build at `extension`, set up, then unlocked in a browser nobody observes, with the bench page open and warm. */
async function measuredWallet({ extension, mockUrl, siteUrl }) {
  const profile = await mkdtemp(join(tmpdir(), 'byok-bench-ab-'));
  let plain = null;
  try {
    await connectedProfile({ profile, extension, mockUrl, siteUrl });
    plain = await launchPlainBrowser(profile, extension);
    const page = await unlockedBenchPage(plain, siteUrl);
    await page.evaluate(ttftProbe, { mockUrl, runs: 5 });
    const opened = plain;
    return {
      plain: opened,
      page,
      async close() {
        await opened.close();
        await removeProfile(profile);
      },
    };
  } catch (error) {
    await plain?.close();
    await removeProfile(profile);
    throw error;
  }
}

/** Linear-interpolated quantile `q` of `values`. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

/** A closed browser's helpers may still write in its profile for a moment: retried, and never failing the bench. */
async function removeProfile(profile) {
  await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((error) => console.warn(`left ${profile}: ${error.message}`));
}

/** `fn(arg)` in the extension's worker, attached only for it (nothing observed while measuring). */
async function inWorker(plain, fn, arg) {
  const worker = await plain.worker();
  try {
    return await worker.evaluate(fn, arg);
  } finally {
    await worker.detach();
  }
}

/** The table's cell for a figure: what the mechanism buys on each measure, and each side's medians. */
export function abCell(ab) {
  const pct = (k) => `${ab.buys[k] >= 0 ? '' : '-'}${Math.abs(Math.round(ab.buys[k] * 1000) / 10)}%`;
  const pair = (k, label) => `${label} ${ab.with[k]} vs ${ab.without[k]} ms (${pct(k)})`;
  const lane = (side) => `${ab.sentOn[side].lane}/${ab.sentOn[side].lane + ab.sentOn[side].port}`;
  const ratio = (k, label) => `${label} ${ab.with[k]}x vs ${ab.without[k]}x direct (${pct(k)})`;
  return [pair('addedFirstToken', 'first token added'), ratio('concurrentOverDirect', `${ab.streams} streams`), pair('firstToken', 'first token'), pair('messaging', 'messaging'), pair('admission', 'admission'), pair('pendingWrite', 'pending write'), pair('settle', 'settle'), pair('concurrentStreams', `${ab.streams} streams`), `messages on the lane ${lane('with')} vs ${lane('without')}`, `load ${ab.load.join(' → ')}`].join('; ');
}

