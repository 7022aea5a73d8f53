/**
 * Test helpers for `lib/crypto` and `lib/vault/envelope`: the hostile-input table run against
 * every exported function, a cheap KDF for the test-only paths, hex and vector loading.
 * Imported only by `*.test.ts` (checked by `conventions.test.ts`).
 * @module
 */
import { readFileSync } from 'node:fs';
import type { KdfCost, KdfParams } from '../../lib/crypto/kdf';

/** Values an attacker or a bug could pass where bytes, strings, numbers or objects are expected. */
export const HOSTILE: ReadonlyArray<readonly [label: string, value: unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['-1', -1],
  ['0', 0],
  ['1.5', 1.5],
  ['2**53', 2 ** 53],
  ['1e308', 1e308],
  ['32n (bigint)', 32n],
  ['true', true],
  ['Symbol()', Symbol('hostile')],
  ['a function', () => new Uint8Array(32)],
  ["'' (empty string)", ''],
  ["'abc'", 'abc'],
  ["'AAAA' (base64-looking)", 'AAAA'],
  ["'\\uD800' (lone surrogate)", '\uD800'],
  ['{}', {}],
  ['{ length: 32 } (look-alike)', { length: 32 }],
  ['{ 0: 1, length: 32, BYTES_PER_ELEMENT: 1 } (look-alike)', { 0: 1, length: 32, BYTES_PER_ELEMENT: 1 }],
  ['{ constructor: { name: "Uint8Array" } } (look-alike)', { constructor: { name: 'Uint8Array' }, length: 32 }],
  ['Object.create(null)', Object.create(null) as unknown],
  ['Object.create(Uint8Array.prototype) (look-alike)', Object.create(Uint8Array.prototype) as unknown],
  ['Array(32)', new Array<number>(32).fill(0)],
  ['[]', []],
  ['new Date(0)', new Date(0)],
  ['ArrayBuffer(32)', new ArrayBuffer(32)],
  ['DataView(32)', new DataView(new ArrayBuffer(32))],
  ['Uint8ClampedArray(32)', new Uint8ClampedArray(32)],
  ['Int8Array(32)', new Int8Array(32)],
  ['Uint16Array(16)', new Uint16Array(16)],
  ['Uint8Array(0)', new Uint8Array(0)],
  ['Uint8Array(31)', new Uint8Array(31)],
  ['Uint8Array(33)', new Uint8Array(33)],
  ['Uint8Array(64).subarray(1, 32) (31-byte view)', new Uint8Array(64).subarray(1, 32)],
];

/** How a message names a hostile value (mirrors `describe` in errors.ts, written independently). */
export function got(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'type=null';
  if (Array.isArray(value)) return 'type=array';
  return `type=${typeof value}`;
}

/** What a refusal must look like: the error class and the exact message. */
export interface Refusal {
  type: new (message: string) => Error;
  message: string;
}

/**
 * The refusal expected for `value` as a `Uint8Array` argument named `name`, of length `want`
 * (exact, or an inclusive `[min, max]`, `max` may be `Infinity`), or `null` when it is valid.
 */
export function bytesRefusal(name: string, value: unknown, want?: number | [number, number]): Refusal | null {
  const [min, max] = want === undefined ? [0, Infinity] : typeof want === 'number' ? [want, want] : want;
  const of = want === undefined ? '' : min === max ? ` of length ${min}` : max === Infinity ? ` of length >= ${min}` : ` of length ${min}..${max}`;
  if (!(ArrayBuffer.isView(value) && value instanceof Uint8Array)) return { type: TypeError, message: `"${name}" expected Uint8Array${of}, got ${got(value)}` };
  if (value.length < min || value.length > max) return { type: RangeError, message: `"${name}" expected Uint8Array${of}, got length=${value.length}` };
  return null;
}

/** The refusal expected for `value` as a string argument, or `null` when it is valid. */
export function stringRefusal(name: string, value: unknown, nonEmpty: boolean): Refusal | null {
  if (typeof value !== 'string') return { type: TypeError, message: `"${name}" expected string, got ${got(value)}` };
  if (nonEmpty && value === '') return { type: RangeError, message: `"${name}" expected non-empty string` };
  if (!value.isWellFormed()) return { type: RangeError, message: `"${name}" expected well-formed string, got a lone surrogate` };
  return null;
}

/** The refusal expected for `value` as an integer argument in `min..max`, or `null`. */
export function integerRefusal(name: string, value: unknown, min: number, max: number): Refusal | null {
  if (typeof value !== 'number') return { type: TypeError, message: `"${name}" expected integer, got ${got(value)}` };
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return { type: RangeError, message: `"${name}" expected integer in ${min}..${max}, got ${value}` };
  }
  return null;
}

/** Asserts `fn` throws (or rejects with) exactly `refusal`. */
export async function expectRefusal(fn: () => unknown, refusal: Refusal): Promise<void> {
  const error = await caught(fn);
  if (!(error instanceof refusal.type) || (error as Error).message !== refusal.message) {
    throw new Error(`expected ${refusal.type.name}(${JSON.stringify(refusal.message)}), got ${String(error)}`);
  }
  // Exact class, not a subclass: a CryptoError is not an argument error.
  if (Object.getPrototypeOf(error) !== refusal.type.prototype) throw new Error(`expected exactly ${refusal.type.name}, got ${String(error)}`);
}

/** Runs `fn` and returns what it threw or rejected with; fails if it returned normally. */
export async function caught(fn: () => unknown): Promise<unknown> {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    return error;
  }
  if (result instanceof Promise) {
    try {
      await result;
    } catch (error) {
      return error;
    }
  }
  throw new Error(`expected a throw, got ${String(result)}`);
}

/** The floor for the test-only paths: RFC 7914's structural minimum. */
export const TEST_FLOOR: Readonly<KdfCost> = Object.freeze({ N: 2, r: 1, p: 1 });

/** A cheap KDF (a few ms) for unit tests; refused by every public function. */
export const FAST_KDF: KdfParams = Object.freeze({ name: 'scrypt', N: 2 ** 10, r: 8, p: 1, dkLen: 32 });

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function unhex(s: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/.test(s)) throw new Error(`bad hex: ${s.slice(0, 16)}`);
  return Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** Reads `test/vectors/<name>` (a published vector file). */
export function loadVectors<T>(name: string): { source: string; url: string; vectors: T[] } {
  return JSON.parse(readFileSync(new URL(`../../test/vectors/${name}`, import.meta.url), 'utf8')) as { source: string; url: string; vectors: T[] };
}

/** Flips one bit of a copy of `bytes`. */
export function flipBit(bytes: Uint8Array, index: number, bit = 0): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ (1 << bit);
  return copy;
}
