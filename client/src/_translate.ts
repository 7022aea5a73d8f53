/** Shared helpers for reading the OpenAI and Anthropic request bodies: one clear 400 per rule. */
import { HttpError } from './_http.js';
import { invalid, unrecognized, unsupported } from './messages.js';

export type Obj = Record<string, unknown>;

export interface TranslateOptions {
  /** The byok model for the model the app asked for; `undefined` means the site's default model. */
  model: (requested: unknown) => string | undefined;
  /** What to do with a parameter byok cannot honour: refuse the request (default) or drop it. */
  unsupported: 'reject' | 'ignore';
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Throws a 400 naming `param` and what it should have been. */
export function bad(param: string, expected: string): never {
  throw new HttpError(400, invalid(param, expected), param, 'invalid_value');
}

/**
 * A parameter byok cannot honour: a 400 naming it, or `false` (drop it) when the app chose
 * `unsupported: 'ignore'`.
 */
export function refuse(opts: TranslateOptions, param: string, why?: string): false {
  if (opts.unsupported === 'ignore') return false;
  throw new HttpError(400, unsupported(param, why), param, 'unsupported_parameter');
}

/** Accepts any value (a hint with no effect on the answer). */
export const anyValue = () => true;
/** Accepts no value but `null` (a feature byok lacks). */
export const noValue = () => false;

/**
 * Checks the keys of a body: `known` ones the caller reads; `others[k](v)` says whether `v` is a
 * value byok can honour by doing nothing (else it is refused); any other key is unrecognized.
 */
export function checkKeys(body: Obj, known: ReadonlySet<string>, others: Record<string, (v: unknown) => boolean>, opts: TranslateOptions): void {
  for (const [k, v] of Object.entries(body)) {
    if (known.has(k) || v === undefined) continue;
    const ok = Object.hasOwn(others, k) ? others[k] : undefined;
    if (!ok) throw new HttpError(400, unrecognized(k), k, 'unknown_parameter');
    if (v !== null && !ok(v)) refuse(opts, k);
  }
}

export function optNumber(v: unknown, param: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(param, 'a number');
  return v;
}

export function optInt(v: unknown, param: string): number | undefined {
  const n = optNumber(v, param);
  if (n !== undefined && !Number.isInteger(n)) bad(param, 'an integer');
  return n;
}

export function str(v: unknown, param: string): string {
  if (typeof v !== 'string') bad(param, 'a string');
  return v;
}

export function optStop(v: unknown, param: string): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) bad(param, 'a string or an array of strings');
  return v.length ? (v as string[]) : undefined;
}

/** Tool-call arguments as an object: JSON text is parsed; empty means `{}`. */
export function parseArgs(v: unknown, param: string): Obj {
  if (isObj(v)) return v;
  if (v === undefined || v === null || v === '') return {};
  if (typeof v !== 'string') bad(param, 'a JSON object in a string');
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    bad(param, 'a JSON object in a string');
  }
  if (!isObj(parsed)) bad(param, 'a JSON object in a string');
  return parsed;
}

/** `o` without its `undefined` values (the wallet refuses unknown and malformed fields). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Bytes as base64, in slices (a spread of millions of arguments would overflow the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
