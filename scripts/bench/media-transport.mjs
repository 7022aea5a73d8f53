/**
 * Microbench of the ways to carry a large upload from a page to another process and on to the
 * network (docs/PROTOCOL.md §3.1): run with `node scripts/bench/media-transport.mjs [MB]`.
 *
 * The extension's path is page → content script (same renderer) → worker (the extension's
 * process) → fetch. It is modelled here without the extension: the "worker" is a frame of another
 * site (so another renderer process, as the extension's worker is), joined by a MessagePort as
 * the lane is; it posts the bytes to a local server. Each candidate is timed from the page's
 * Blob to the server's answer, against the page's own fetch of the same Blob.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../browser.mjs';

const MB = Number(process.argv[2] ?? 19);
const RUNS = Number(process.env.RUNS ?? 7);

const WORKER_FRAME = `<!doctype html><script>
onmessage = (event) => {
  const port = event.ports[0];
  port.onmessage = async ({ data }) => {
    const t0 = performance.now();
    if (data.kind === 'blobRef') {
      const form = new FormData();
      form.append('file', data.params.audio, 'a.wav');
      const res = await fetch('/upload', { method: 'POST', body: form });
      return port.postMessage({ n: Number(await res.text()), decoded: 0 });
    }
    const bytes = data.kind === 'blob' ? new Uint8Array(await data.params.audio.arrayBuffer()) : data.kind === 'b64' ? Uint8Array.fromBase64(data.params.audio) : data.kind === 'json' ? Uint8Array.fromBase64(JSON.parse(data.json).params.audio) : new Uint8Array(data.params.audio);
    const decoded = performance.now() - t0;
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'audio/wav' }), 'a.wav');
    const res = await fetch('/upload', { method: 'POST', body: form });
    port.postMessage({ n: Number(await res.text()), decoded });
  };
};
</script>`;

const PAGE = `<!doctype html><script>
window.ready = new Promise((resolve) => {
  const frame = document.createElement('iframe');
  frame.src = location.origin.replace('127.0.0.1', 'localhost') + '/worker';
  frame.onload = () => {
    const { port1, port2 } = new MessageChannel();
    frame.contentWindow.postMessage(null, '*', [port2]);
    window.lane = port1;
    resolve();
  };
  document.documentElement.append(frame);
});
const viaLane = (m, transfer) => new Promise((resolve) => { lane.onmessage = ({ data }) => resolve(data); lane.postMessage(m, transfer); });
window.candidates = {
  async direct(blob) {
    const form = new FormData();
    form.append('file', blob, 'a.wav');
    const res = await fetch('/upload', { method: 'POST', body: form });
    return { n: Number(await res.text()) };
  },
  // base64 in the page's JSON, parsed by the content script, the string structured-cloned on the lane.
  async base64Lane(blob) {
    const t0 = performance.now();
    const audio = new Uint8Array(await blob.arrayBuffer()).toBase64();
    const detail = JSON.stringify({ t: 'req', id: 1, method: 'transcribe', params: { audio } });
    const m = JSON.parse(detail);
    const blocked = performance.now() - t0;
    return { ...(await viaLane({ kind: 'b64', ...m })), blocked };
  },
  // The same, over a Chrome runtime port: JSON text again on the way (stringified, parsed in the worker).
  async base64Json(blob) {
    const t0 = performance.now();
    const audio = new Uint8Array(await blob.arrayBuffer()).toBase64();
    const detail = JSON.stringify({ t: 'req', id: 1, method: 'transcribe', params: { audio } });
    const m = JSON.parse(detail);
    const json = JSON.stringify(m);
    const blocked = performance.now() - t0;
    return { ...(await viaLane({ kind: 'json', json })), blocked };
  },
  // The Blob's handle posted (its bytes stay in the browser's blob store); the worker reads it into bytes.
  async blob(blob) {
    const t0 = performance.now();
    const m = await new Promise((resolve) => {
      addEventListener('message', function once(event) { removeEventListener('message', once); resolve(event.data); });
      postMessage({ t: 'req', id: 1, method: 'transcribe', params: { audio: blob } }, '*');
    });
    const blocked = performance.now() - t0;
    return { ...(await viaLane({ kind: 'blob', ...m })), blocked };
  },
  // The same, the worker uploading the Blob itself (no bytes in any renderer).
  async blobRef(blob) {
    const m = await new Promise((resolve) => {
      addEventListener('message', function once(event) { removeEventListener('message', once); resolve(event.data); });
      postMessage({ t: 'req', id: 1, method: 'transcribe', params: { audio: blob } }, '*');
    });
    return viaLane({ kind: 'blobRef', ...m });
  },
  // The ArrayBuffer transferred: window.postMessage to the content script, then the lane.
  async transfer(blob) {
    const t0 = performance.now();
    const buffer = await blob.arrayBuffer();
    const m = await new Promise((resolve) => {
      addEventListener('message', function once(event) { removeEventListener('message', once); resolve(event.data); });
      postMessage({ t: 'req', id: 1, method: 'transcribe', params: { audio: buffer } }, '*', [buffer]);
    });
    const blocked = performance.now() - t0;
    return { ...(await viaLane({ kind: 'bytes', ...m }, [m.params.audio])), blocked };
  },
};
window.run = async (name, mb) => {
  const bytes = new Uint8Array(mb * 1024 * 1024);
  for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i & 255;
  const blob = new Blob([bytes], { type: 'audio/wav' });
  const t0 = performance.now();
  const out = await candidates[name](blob);
  if (out.n !== bytes.length + 0 && out.n < bytes.length) throw new Error('short upload ' + out.n);
  return { ms: performance.now() - t0, blocked: out.blocked ?? 0, decoded: out.decoded ?? 0 };
};
</script>`;

const server = createServer((req, res) => {
  if (req.url === '/upload') {
    let n = 0;
    req.on('data', (c) => (n += c.length));
    req.on('end', () => res.end(String(n)));
    return;
  }
  res.setHeader('content-type', 'text/html');
  res.end(req.url === '/worker' ? WORKER_FRAME : PAGE);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, '--site-per-process', '--disable-dev-shm-usage'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
await page.evaluate(() => window.ready);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const names = (process.env.ONLY ?? 'direct,base64Lane,base64Json,transfer,blob,blobRef').split(',');
const results = Object.fromEntries(names.map((n) => [n, { ms: [], blocked: [], decoded: [] }]));
for (let run = 0; run < RUNS + 1; run++) {
  for (const name of names) {
    if (process.env.DEBUG) console.log(run, name);
    const r = await page.evaluate(([name, mb]) => window.run(name, mb), [name, MB]);
    if (run === 0) continue; // warm-up
    for (const k of ['ms', 'blocked', 'decoded']) results[name][k].push(r[k]);
  }
}
const base = median(results.direct.ms);
console.log(`${MB} MB upload, median of ${RUNS} (Chromium ${browser.version()})`);
for (const name of names) {
  const r = results[name];
  console.log(`${name.padEnd(11)} ${median(r.ms).toFixed(1).padStart(7)} ms  x${(median(r.ms) / base).toFixed(2)}  page blocked ${median(r.blocked).toFixed(1)} ms  worker decode ${median(r.decoded).toFixed(1)} ms`);
}
await browser.close();
server.close();
