/**
 * Hostile inputs for the fuzz tests (docs/THREAT_MODEL.md, "Fuzzing"): a table of classic bad
 * values, arbitrary values of every JavaScript shape, and near-valid messages (a valid one with
 * one field replaced, removed or added), the kind that reaches deep into a schema.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { WalletError } from '../../../lib/protocol/errors';

/** Runs per boundary: the issue asks for at least 10k hostile inputs at each. */
export const RUNS = 10_000;

/** Names that have bitten parsers and dispatch maps. */
export const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'then',
  't',
  'id',
  'method',
  'params',
  'stream',
  'origin',
  'messages',
  'role',
  'content',
  'model',
  'type',
  'byokUi',
  'command',
];

const TABLE: unknown[] = [
  null,
  undefined,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1,
  -1,
  1.5,
  2 ** 31,
  2 ** 31 + 1,
  2 ** 53,
  -(2 ** 53),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  10n,
  '',
  ' ',
  '\u0000',
  '\uD800',
  'null',
  '__proto__',
  'constructor',
  'req',
  'chat',
  'x'.repeat(300),
  true,
  false,
  [],
  [null],
  {},
  Object.create(null),
  new Date(0),
  new Date(NaN),
  new Map([['t', 'req']]),
  new Set([1]),
  new Uint8Array(4),
  { toString: 'not a function' },
  { length: 1e9 },
];

/** One of the classic bad values. */
export const nasty = (): fc.Arbitrary<unknown> => fc.constantFrom(...TABLE);

/** Anything at all: every JavaScript shape, keys that are dispatch or prototype names included. */
export function anything(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 1, arbitrary: nasty() },
    {
      weight: 3,
      arbitrary: fc.anything({
        maxDepth: 3,
        maxKeys: 5,
        key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...NASTY_KEYS)),
        values: [fc.string({ maxLength: 12, unit: 'binary' }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom(...TABLE)],
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withSparseArray: true,
        withTypedArray: true,
        withBoxedValues: true,
        withObjectString: true,
      }),
    },
  );
}

type Path = (string | number)[];

function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  // Binary data (a media method's bytes) is one value: replaced or removed whole, never per byte.
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && prefix.length < 8) {
    for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * A valid sample with one change somewhere in it: a value replaced by a hostile one, a field
 * removed, or an unknown (or prototype-named) field added.
 */
export function nearValid(samples: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc
    .record({
      sample: fc.constantFrom(...samples),
      at: fc.nat(),
      op: fc.constantFrom('replace', 'replace', 'delete', 'add'),
      value: anything(),
      key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...NASTY_KEYS)),
    })
    .map(({ sample, at, op, value, key }) => {
      const root = clone(sample);
      const all = paths(root);
      const path = all[at % all.length]!;
      if (path.length === 0) return op === 'replace' ? value : root;
      const parent = path.slice(0, -1).reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
      const last = path[path.length - 1]!;
      if (op === 'replace') parent[last] = value;
      else if (op === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else {
        const target = (parent[last] && typeof parent[last] === 'object' ? parent[last] : parent) as Record<string, unknown>;
        try {
          Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        } catch {
          // e.g. `length` of an array: the sample stays as it is
        }
      }
      return root;
    });
}

/** Hostile inputs for a boundary that has these valid samples: near-valid ones and anything at all. */
export function hostile(samples: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: nearValid(samples) }, { weight: 2, arbitrary: anything() });
}

/** What Object.prototype holds now: compared before and after a run, to catch prototype pollution. */
export function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).sort();
}

/** Asserts that `fn` either returns or throws a -32602 WalletError naming a field; returns what it returned. */
export function onlyInvalidParams(fn: () => unknown): { ok: true; value: unknown } | { ok: false; error: WalletError } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    expect(error).toBeInstanceOf(WalletError);
    const e = error as WalletError;
    expect(e.code).toBe(-32602);
    expect(e.message).toMatch(/^Invalid request: \S/);
    return { ok: false, error: e };
  }
}
