#!/usr/bin/env node
// @ts-check
/**
 * Runs the mock provider: `node mock/cli.mjs [--port N] [--host H] [--keys k1,k2]` (PORT, MOCK_HOST and
 * MOCK_KEYS from the environment also work; the port defaults to 0 = any free one).
 * Prints the base URL alone on stdout, then serves until SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startMock } from './server.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string' }, host: { type: 'string' }, keys: { type: 'string' } },
  strict: true,
});
const port = Number(values.port ?? process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`mock: invalid port ${values.port ?? process.env.PORT}`);
  process.exit(2);
}
const keyList = values.keys ?? process.env.MOCK_KEYS;
const mock = await startMock({
  port,
  host: values.host ?? process.env.MOCK_HOST ?? '127.0.0.1',
  ...(keyList ? { keys: keyList.split(',').map((k) => k.trim()).filter(Boolean) } : {}),
});
console.log(mock.url);
console.error(`mock provider listening on ${mock.url} (OpenAI: ${mock.url}/v1, Anthropic: ${mock.url}, keyless: ${mock.url}/ollama/v1)`);

let stopping = false;
/** @param {string} signal */
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.error(`mock: ${signal}, stopping`);
  await mock.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
