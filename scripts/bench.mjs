#!/usr/bin/env node
/**
 * `npm run bench`: measures byok against a direct fetch to the same mock, in the same headless
 * Chromium run, alternating; prints a table and writes bench/results.json. It also measures each
 * mechanism that must pay for itself with and without it (bench/ab.mjs), in the same run.
 *
 * `--quick`: fewer runs, and no A/B (`npm run bench:smoke`). `--ab`: the A/B alone (with
 * `--quick`, a short pass), written to bench/ab.json. `--no-build`: the builds there are, but the
 * diagnostics and A/B builds are made if older than the shipped one.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMockProcess } from './bench/mock-process.mjs';
import { startStaticServer } from './static-server.mjs';
import { launchWallet, DIAGNOSTICS_PATH, EXTENSION_PATH } from './browser.mjs';
import { median, round } from './bench/stats.mjs';
import { scriptSizes } from './bench/sizes.mjs';
import { clientSizes } from '../client/size.mjs';
import { connectPage, measureUnlock, setUpWallet } from './bench/setup.mjs';
import { launchPlainBrowser, unlockedBenchPage } from './bench/plain-browser.mjs';
import { concurrencyProbe, throughputProbe, ttftProbe } from './bench/page-probes.mjs';
import { alternatingAdmission, walletWithLedger } from './bench/admission.mjs';
import { cpuPerRun, cpuSnapshot } from './bench/cpu.mjs';
import { uploadBench, uploadCell } from './bench/upload.mjs';
import { AB_BUILDS } from './bench/ab-builds.mjs';
import { abBench, abCell, abPath } from './bench/ab.mjs';

// Playwright reports every network event of the extension's worker over the DevTools protocol,
// which slows the worker's streaming fetch by a third or more; people's browsers have no such
// observer. Playwright sets the wallet up; the comparisons run in a browser it does not drive
// (bench/plain-browser.mjs), so neither side of them is observed.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

const quick = process.argv.includes('--quick');
const abOnly = process.argv.includes('--ab');
const withAb = abOnly || !quick;
const noBuild = process.argv.includes('--no-build');
const build = (...args) => execFileSync('npx', ['wxt', 'build', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
if (!noBuild) build();
// The runs read the worker's own timings, which only the diagnostics build exposes (the sizes
// are the shipped build's). `--no-build` keeps the builds there are, but the bench cannot run
// without a diagnostics build as new as the shipped one: that one it makes; so too the A/B builds.
if (!noBuild || builtAt(DIAGNOSTICS_PATH) < builtAt(EXTENSION_PATH)) build('--mode', 'diagnostics');
if (withAb) for (const mode of Object.keys(AB_BUILDS)) if (!noBuild || builtAt(abPath(mode)) < builtAt(EXTENSION_PATH)) build('--mode', mode);
if (abOnly) await abAlone();

const mock = await startMockProcess();
const site = await startStaticServer({ '/': resolve('tests/e2e/pages') });
const profile = await mkdtemp(join(tmpdir(), 'byok-bench-'));
let wallet = await launchWallet({ headless: true, profile, extension: DIAGNOSTICS_PATH });
let plain = null;
const others = [];
const results = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}` };
try {
  results.sizes = await scriptSizes(EXTENSION_PATH);
  results.clientSizes = Object.fromEntries((await clientSizes({ build: !process.argv.includes('--no-build') })).map(({ name, raw, gzip }) => [name, { raw, gzip }]));
  const options = await setUpWallet(wallet, mock.url);
  const unlock = await measureUnlock(options, quick ? 2 : 5);
  results.unlockMs = { median: round(median(unlock)), runs: unlock.map((t) => round(t)) };
  const setUpPage = await wallet.context.newPage();
  await setUpPage.goto(`${site.url}/index.html`);
  await connectPage(wallet.context, setUpPage, options);
  await wallet.close();
  wallet = null;

  // The same profile in a browser nobody observes: unlocked from the wallet's page, and no
  // dashboard left open (it reloads on every request; the comparisons measure a browsing person).
  plain = await launchPlainBrowser(profile, DIAGNOSTICS_PATH);
  const page = await unlockedBenchPage(plain, site.url);

  // Both sides warm (a started browser's first requests open connections and compile code).
  await page.evaluate(ttftProbe, { mockUrl: mock.url, runs: 5 });
  const ttft = await page.evaluate(ttftProbe, { mockUrl: mock.url, runs: quick ? 10 : 50 });
  results.ttft = { directMs: round(median(ttft.direct)), byokMs: round(median(ttft.byok)), addedMs: round(median(ttft.byok) - median(ttft.direct)), runs: ttft.byok.length };
  results.ttft.parts = await firstTokenParts(plain, results.ttft);

  const chunks = 5000;
  // A stream's time swings by ±30% from run to run on a busy 2-core machine: many pairs, not few.
  const tp = await page.evaluate(throughputProbe, { mockUrl: mock.url, chunks, runs: quick ? 5 : 21 });
  const expectedChars = tp.direct[0].chars;
  results.throughput = streamComparison(tp, chunks, expectedChars);
  // The same stream written by the mock at once: on two cores the mock writing 5,000 events
  // competes with both readers for the CPU; here only the readers' own work sets the pace.
  const burst = await page.evaluate(throughputProbe, { mockUrl: mock.url, chunks, runs: quick ? 5 : 21, burst: true });
  results.throughputBurst = streamComparison(burst, chunks, expectedChars);
  // What the paced stream costs each process: each side in blocks of its own, so that the CPU
  // spent in a block is that side's; the blocks take turns, so both sides meet the same machine.
  const pids = { browserPid: plain.pid, mockPid: mock.pid };
  const blocks = { direct: [], byok: [] };
  const runsPerBlock = 5;
  for (let round = 0; round < (quick ? 1 : 4); round++) {
    for (const only of ['direct', 'byok']) {
      const before = cpuSnapshot(pids);
      await page.evaluate(throughputProbe, { mockUrl: mock.url, chunks, runs: runsPerBlock, only });
      blocks[only].push([before, cpuSnapshot(pids)]);
    }
  }
  results.streamCpu = { direct: cpuPerRun(blocks.direct, runsPerBlock), byok: cpuPerRun(blocks.byok, runsPerBlock) };

  const conc = await page.evaluate(concurrencyProbe, { mockUrl: mock.url, streams: 100 });
  // `ratio` is direct's time over byok's (as throughput's); the target reads byok's time over direct's.
  results.concurrency = { streams: 100, directMs: round(conc.direct), byokMs: round(conc.byok), ratio: round(conc.direct / conc.byok, 3), timeRatio: round(conc.byok / conc.direct, 3) };

  await plain.close();
  plain = null;

  // Admission latency with the ledger holding 0, 100k and 1M rows: a wallet per size, taking turns
  // (see bench/admission.mjs); each chat after the app read its spend, and back to back (see `chats`).
  const sizes = quick ? [0, 100_000] : [0, 100_000, 1_000_000];
  for (const rows of sizes) others.push(await walletWithLedger({ mockUrl: mock.url, pageUrl: `${site.url}/index.html`, rows, extension: DIAGNOSTICS_PATH }));
  const turns = { rounds: quick ? 2 : 6, runs: 10 };
  results.admission = await alternatingAdmission(others, { ...turns, showSpend: true });
  results.admissionBackToBack = await alternatingAdmission(others, { ...turns, showSpend: false });
  // Their browsers hold a million rows each: closed before the next measurements.
  for (const other of others.splice(0)) await other.wallet.close();

  // A 19 MB transcription through byok against the same upload by the page's own fetch (a wallet of its own: bench/upload.mjs).
  results.upload = await uploadBench({ mockUrl: mock.url, siteUrl: site.url, runs: quick ? 2 : 7 });

  // Each mechanism that must pay for itself, with and without it (bench/ab.mjs).
  if (withAb) results.ab = await abFigures(mock.url, site.url);
} finally {
  await plain?.close();
  for (const other of others) await other.wallet.close();
  await wallet?.close();
  await rm(profile, { recursive: true, force: true });
  await site.close();
  await mock.close();
}

await mkdir('bench', { recursive: true });
await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
const rows = [
  ['main-world script (inpage.js)', `${results.sizes.inpage.raw} B raw, ${results.sizes.inpage.gzip} B gzip`, '<= 3072 B gzip'],
  ['content script (relay.js)', `${results.sizes.relay.raw} B raw, ${results.sizes.relay.gzip} B gzip`, '<= 4096 B gzip'],
  ['client lib core (@byok/client/core, minified)', `${results.clientSizes.core.raw} B raw, ${results.clientSizes.core.gzip} B gzip`, '<= 2048 B gzip'],
  ['client lib, all (core + byokFetch + LanguageModel)', `${results.clientSizes['index (all)'].raw} B raw, ${results.clientSizes['index (all)'].gzip} B gzip`, ''],
  ['unlock (scrypt N=2^17, in the browser)', `${results.unlockMs.median} ms median`, '<= 1500 ms'],
  ['time to first token, added vs direct', `${results.ttft.addedMs} ms (byok ${results.ttft.byokMs}, direct ${results.ttft.directMs}, n=${results.ttft.runs})`, '<= 1 ms'],
  ['first token: where byok\'s time goes', firstTokenCell(results.ttft.parts), ''],
  [`throughput, ${results.throughput.chunks}-chunk stream`, `${results.throughput.ratio}x direct (byok ${results.throughput.byokMs} ms, direct ${results.throughput.directMs} ms)`, '>= 0.9x'],
  ['longest pause between deltas in that stream', `${results.throughput.byokLongestPauseMs} ms (deltas are batched every 16 ms)`, ''],
  [`throughput, ${results.throughputBurst.chunks}-chunk stream written at once`, `${results.throughputBurst.ratio}x direct (byok ${results.throughputBurst.byokMs} ms, direct ${results.throughputBurst.directMs} ms)`, ''],
  [`CPU per ${results.throughput.chunks}-chunk stream, all processes (ms)`, streamCpuCell(results.streamCpu), ''],
  ['100 concurrent streams, total time', `${results.concurrency.timeRatio}x direct's (byok ${results.concurrency.byokMs} ms, direct ${results.concurrency.directMs} ms)`, '<= 1.5x'],
  ['admission latency by ledger rows', admissionCells(results.admission), `largest/empty ${results.admission.ratioLargestToEmpty} (<= 1.2)`],
  ['admission, chats back to back', admissionCells(results.admissionBackToBack), `largest/empty ${results.admissionBackToBack.ratioLargestToEmpty}`],
  ['19 MB transcription upload, byok vs direct fetch', uploadCell(results.upload), '<= 1.3x'],
  ...abRows(results.ab),
];
console.log('\n| measure | result | target |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log('\nwritten: bench/results.json');

/** Every A/B of AB_BUILDS, in turn; `--quick` makes it short. */
async function abFigures(mockUrl, siteUrl) {
  const out = {};
  for (const mode of Object.keys(AB_BUILDS)) out[mode] = await abBench({ mode, mockUrl, siteUrl, turns: quick ? 2 : 10, runs: quick ? 5 : 20 });
  return out;
}

/** The table's rows for the A/B figures (none when they were not measured). */
function abRows(ab) {
  return Object.values(ab ?? {}).map((figure) => [`with vs without ${figure.mechanism} (${figure.turns} turns)`, abCell(figure), 'keep if >= 5%']);
}

/** `--ab`: the A/B figures alone, into bench/ab.json; then the process ends. */
async function abAlone() {
  const mock = await startMockProcess();
  const site = await startStaticServer({ '/': resolve('tests/e2e/pages') });
  let ab;
  try {
    ab = await abFigures(mock.url, site.url);
  } finally {
    await site.close();
    await mock.close();
  }
  await mkdir('bench', { recursive: true });
  await writeFile('bench/ab.json', `${JSON.stringify({ date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, ab }, null, 2)}\n`);
  console.log('\n| measure | result (with vs without) | rule |\n|---|---|---|');
  for (const row of abRows(ab)) console.log(`| ${row.join(' | ')} |`);
  console.log('\nwritten: bench/ab.json');
  process.exit(0);
}

/** Each side's CPU per stream: its total, then the processes that spent it. */
function streamCpuCell(cpu) {
  if (!cpu?.direct || !cpu?.byok) return 'not measured (no /proc)';
  const shared = (c) => `browser ${c.browser}, network ${c.network}, mock ${c.mock}`;
  return `byok ${cpu.byok.total} (extension ${cpu.byok.extension}, of it its worker thread ${cpu.byok.worker}; page ${cpu.byok.page}; ${shared(cpu.byok)}) vs direct ${cpu.direct.total} (page ${cpu.direct.page}; ${shared(cpu.direct)})`;
}

/** Medians and ratio of a throughput probe's pairs; every stream must have carried the same text. */
function streamComparison({ direct, byok }, chunks, expectedChars) {
  if ([...direct, ...byok].some((r) => r.chars !== expectedChars)) throw new Error('the streams of a throughput comparison differ in length');
  const directMs = median(direct.map((r) => r.ms));
  const byokMs = median(byok.map((r) => r.ms));
  return { chunks, directMs: round(directMs), byokMs: round(byokMs), ratio: round(directMs / byokMs, 3), byokLongestPauseMs: round(median(byok.map((r) => r.pauseMs))) };
}

/**
 * The worker's own clock for the runs just measured (lib/pipeline/trace.ts records them): from
 * the request's start to the send gate's opening, which waits for the pending ledger write (its
 * own time overlaps the SDK building the request), and from the send to the first delta handed to
 * the page's port. What is left of byok's first token is the messaging between the page and the worker.
 */
async function firstTokenParts(browser, { runs, byokMs }) {
  const worker = await browser.worker();
  const series = await worker.evaluate((n) => {
    const last = (name) => globalThis.byokMetrics.values(name).slice(-n);
    return { toSend: last('toSend'), pendingWrite: last('pendingWrite'), sentToFirstDelta: last('sendToFirstDelta'), toFirstDelta: last('toFirstDelta') };
  }, runs);
  await worker.detach();
  if (Object.values(series).some((values) => values.length !== runs)) throw new Error('the worker did not time every first-token run');
  const parts = Object.fromEntries(Object.entries(series).map(([name, values]) => [`${name}Ms`, round(median(values))]));
  return { ...parts, messagingMs: round(byokMs - parts.toFirstDeltaMs) };
}

function firstTokenCell(p) {
  return `worker ${p.toFirstDeltaMs} ms (start to send ${p.toSendMs}, pending write ${p.pendingWriteMs} of it overlapped; send to first delta ${p.sentToFirstDeltaMs}), page-worker messaging ${p.messagingMs} ms`;
}

/** When the build at `dir` was made (0: never). */
function builtAt(dir) {
  try {
    return statSync(join(dir, 'manifest.json')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Resolves once `check()` resolves true (a page that is still loading, a worker starting). */

function admissionCells(bySize) {
  return Object.entries(bySize)
    .filter(([k]) => k !== 'ratioLargestToEmpty')
    .map(([k, v]) => `${Number(k).toLocaleString('en')}: ${v} ms`)
    .join(', ');
}
