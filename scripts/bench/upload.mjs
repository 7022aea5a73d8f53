#!/usr/bin/env node
/**
 * The upload figure of issue 24: a 19 MB transcription through byok (`window.byok.transcribe`)
 * against the same multipart upload sent by the page itself with `fetch`, to the same mock, in
 * one run, alternating; reported as byok's time over the direct time (target: at most 1.3x).
 *
 * A wallet of its own (created, keyed to the mock, the page connected with the transcription
 * scope through the approval window), then measured in a browser nobody observes
 * (bench/plain-browser.mjs: Playwright's network observer would slow the page's own fetch).
 *
 * Standalone: `node scripts/bench/upload.mjs [--runs N] [--mb N] [--no-build]` (builds the
 * diagnostics build unless told not to; prints the figure and writes bench/upload.json).
 * From scripts/bench.mjs: `uploadBench({ mockUrl, siteUrl, runs })`.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTICS_PATH } from '../browser.mjs';
import { startStaticServer } from '../static-server.mjs';
import { startMockProcess } from './mock-process.mjs';
import { launchPlainBrowser, unlockedBenchPage } from './plain-browser.mjs';
import { connectedProfile } from './setup.mjs';
import { median, round } from './stats.mjs';

export const UPLOAD_BYTES = 19 * 1024 * 1024;
export const UPLOAD_TARGET_RATIO = 1.3;

/**
 * Runs in the bench page (serialised: no closure): builds one WAV of `bytes`, then alternates a
 * direct multipart upload and `byok.transcribe` of the same bytes; each side's ms per run, and
 * the transcripts (the mock names the bytes it got, so both must say the same).
 */
export async function uploadProbe({ mockUrl, bytes, runs }) {
  if (typeof window.byok?.transcribe !== 'function') return { error: 'this build has no window.byok.transcribe' };
  const wav = new Uint8Array(bytes);
  const view = new DataView(wav.buffer);
  const ascii = (at, text) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, bytes - 8, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 16_000, true);
  view.setUint32(28, 32_000, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, bytes - 44, true);
  for (let i = 44; i < bytes; i += 1) wav[i] = (i * 31) & 0xff;
  const audio = new Blob([wav], { type: 'audio/wav' });
  const direct = async () => {
    const t0 = performance.now();
    const form = new FormData();
    form.append('model', 'whisper-1');
    form.append('file', audio, 'audio.wav');
    const res = await fetch(`${mockUrl}/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: 'Bearer sk-test-bench' }, body: form });
    const { text } = await res.json();
    return { ms: performance.now() - t0, text };
  };
  const viaByok = async () => {
    const t0 = performance.now();
    const { text } = await window.byok.transcribe({ audio, model: 'whisper-1' });
    return { ms: performance.now() - t0, text };
  };
  const out = { direct: [], byok: [], texts: new Set() };
  for (let i = 0; i < runs; i++) {
    for (const [side, run] of i % 2 === 0 ? [['direct', direct], ['byok', viaByok]] : [['byok', viaByok], ['direct', direct]]) {
      const { ms, text } = await run();
      out[side].push(ms);
      out.texts.add(text);
    }
  }
  return { direct: out.direct, byok: out.byok, sameBytes: out.texts.size === 1 };
}

/**
 * Medians and the ratio of a probe's runs.
 * @param {{ direct: number[], byok: number[], sameBytes: boolean, error?: string }} probe
 * @param {number} bytes
 */
export function uploadComparison(probe, bytes) {
  if (probe.error) return { error: probe.error };
  if (!probe.sameBytes) throw new Error('byok and the direct upload delivered different bytes to the mock');
  const directMs = median(probe.direct);
  const byokMs = median(probe.byok);
  return { megabytes: round(bytes / 1024 / 1024, 1), directMs: round(directMs), byokMs: round(byokMs), ratio: round(byokMs / directMs, 3), runs: probe.byok.length, target: UPLOAD_TARGET_RATIO };
}

/**
 * The whole scenario against a running mock and test site: a fresh wallet, then the probe in a
 * plain browser. Resolves with {@link uploadComparison}'s figure.
 * @param {{ mockUrl: string, siteUrl: string, runs?: number, bytes?: number, extension?: string }} options
 */
export async function uploadBench({ mockUrl, siteUrl, runs = 5, bytes = UPLOAD_BYTES, extension = DIAGNOSTICS_PATH }) {
  const profile = await mkdtemp(join(tmpdir(), 'byok-bench-upload-'));
  let plain = null;
  try {
    await connectedProfile({ profile, extension, mockUrl, siteUrl, request: { scopes: ['chat', 'models', 'transcription'] } });
    plain = await launchPlainBrowser(profile, extension);
    const page = await unlockedBenchPage(plain, siteUrl);
    // One warm-up pair: the first upload opens connections and compiles code on both sides.
    await page.evaluate(uploadProbe, { mockUrl, bytes, runs: 1 });
    return uploadComparison(await page.evaluate(uploadProbe, { mockUrl, bytes, runs }), bytes);
  } finally {
    await plain?.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** The table cell for the figure. */
export function uploadCell(figure) {
  if (!figure || figure.error) return `not measured: ${figure?.error ?? 'no figure'}`;
  return `${figure.ratio}x direct (byok ${figure.byokMs} ms, direct ${figure.directMs} ms, ${figure.megabytes} MB, n=${figure.runs})`;
}


if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { runs: { type: 'string' }, mb: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  if (!values['no-build']) execFileSync('npx', ['wxt', 'build', '--mode', 'diagnostics'], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
  const mock = await startMockProcess();
  const site = await startStaticServer({ '/': resolve('tests/e2e/pages') });
  try {
    const bytes = values.mb ? Math.round(Number(values.mb) * 1024 * 1024) : UPLOAD_BYTES;
    const figure = await uploadBench({ mockUrl: mock.url, siteUrl: site.url, runs: Number(values.runs ?? 5), bytes });
    await mkdir('bench', { recursive: true });
    await writeFile('bench/upload.json', `${JSON.stringify({ date: new Date().toISOString(), upload: figure }, null, 2)}\n`);
    console.log(`| ${round(bytes / 1024 / 1024, 1)} MB transcription upload | ${uploadCell(figure)} | <= ${UPLOAD_TARGET_RATIO}x |`);
  } finally {
    await site.close();
    await mock.close();
  }
}
