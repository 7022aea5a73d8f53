// Time to first token through byok-bridge vs a direct call, in one run, against the same mock.
// `node scripts/bench/bridge.mjs [--quick]` (after `npm run build:bridge`) prints both medians and
// the difference (target: the bridge adds at most 5 ms). The real host process runs; this script
// stands in for the wallet on its native-messaging side, answering each chat intent by streaming
// from the mock with the OpenAI SDK: it measures the bridge (HTTP, translation, framing, the
// process hop), not the wallet's pipeline (scripts/bench.mjs measures that in the browser).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import OpenAI from 'openai';
import { startMock } from '../../mock/server.mjs';
import { median, round } from './stats.mjs';

const runs = process.argv.includes('--quick') ? 10 : 40;
const mock = await startMock();
const direct = new OpenAI({ apiKey: 'sk-test-bench', baseURL: `${mock.url}/v1`, maxRetries: 0 });

// The host, with a stand-in wallet on its stdin/stdout.
const host = spawn(process.execPath, [resolve('bridge/cli.mjs'), 'host'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, HOME: process.env.HOME } });
const send = (m) => {
  const body = Buffer.from(JSON.stringify(m));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length);
  host.stdin.write(Buffer.concat([head, body]));
};
let buffer = Buffer.alloc(0);
let ready;
const port = new Promise((r) => (ready = r));
host.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
    const m = JSON.parse(buffer.subarray(4, 4 + buffer.readUInt32LE(0)).toString());
    buffer = buffer.subarray(4 + buffer.readUInt32LE(0));
    if (m.t === 'ready') ready(m.port);
    if (m.t === 'call' && m.method === 'chat') void answer(m);
  }
});

async function answer(m) {
  let text = '';
  const stream = await direct.chat.completions.create({ model: 'gpt-4o-mini', messages: m.params.messages, stream: true });
  for await (const c of stream) {
    const d = c.choices[0]?.delta?.content;
    if (d) {
      text += d;
      send({ t: 'delta', id: m.id, text: d });
    }
  }
  send({ t: 'res', id: m.id, ok: true, value: { text, model: 'gpt-4o-mini', provider: 'openai', usage: { inputTokens: 1, outputTokens: 1 }, costUsd: 0, finishReason: 'stop' } });
}

send({ t: 'listen', port: 0 });
const bridged = new OpenAI({ apiKey: 'byok_app_bench', baseURL: `http://127.0.0.1:${await port}/openai/v1`, maxRetries: 0 });

async function ttft(client) {
  const started = performance.now();
  const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }], stream: true });
  let first = 0;
  for await (const c of stream) if (!first && c.choices[0]?.delta?.content) first = performance.now() - started;
  return first;
}

const times = { direct: [], bridge: [] };
for (let i = 0; i < runs + 3; i++) {
  // Alternate, so both see the same machine load; the first rounds warm up.
  const d = await ttft(direct);
  const b = await ttft(bridged);
  if (i < 3) continue;
  times.direct.push(d);
  times.bridge.push(b);
}
const result = { runs, directMs: round(median(times.direct)), bridgeMs: round(median(times.bridge)) };
result.addedMs = round(result.bridgeMs - result.directMs);
result.ratio = round(result.bridgeMs / result.directMs);
console.log(`time to first token: direct ${result.directMs} ms, through byok-bridge ${result.bridgeMs} ms: +${result.addedMs} ms (x${result.ratio}), target <= 5 ms`);
console.log(JSON.stringify(result));
host.stdin.end();
await mock.close();
