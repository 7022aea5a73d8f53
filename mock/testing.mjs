// @ts-check
/**
 * Test helpers for the mock's own tests (and anyone else's): one server per test file, counters
 * reset before each test, closed after the file.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startMock } from './server.mjs';

/**
 * Starts a mock for the current test file. Call at the top level of a `describe` or file.
 * @param {import('./server.mjs').MockOptions} [options]
 * @returns {() => import('./server.mjs').MockServer} the running server (inside tests and hooks)
 */
export function useMock(options) {
  /** @type {import('./server.mjs').MockServer | undefined} */
  let mock;
  beforeAll(async () => {
    mock = await startMock(options);
  });
  afterAll(async () => {
    await mock?.close();
  });
  beforeEach(() => {
    mock?.reset();
  });
  return () => {
    if (!mock) throw new Error('the mock is not running (useMock hooks have not run)');
    return mock;
  };
}

/**
 * Drains an async iterable into an array.
 * @template T
 * @param {AsyncIterable<T>} iterable
 * @returns {Promise<T[]>}
 */
export async function collect(iterable) {
  /** @type {T[]} */
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}
