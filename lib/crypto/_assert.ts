/**
 * Internal argument checks shared by `lib/crypto` and `lib/vault/envelope` (noble's `abytes`,
 * `anumber` habit). Each rule has one message naming the field: `"key" expected Uint8Array of
 * length 32, got length=31`. Wrong types throw `TypeError`; right type, wrong value `RangeError`.
 * @module
 */
import { describe } from './errors';

const title = (name: string): string => `"${name}" `;

/** True for a `Uint8Array` (a Node `Buffer` included), false for other views and look-alikes. */
export function isBytes(value: unknown): value is Uint8Array {
  // A real view (isView checks the internal slot, so `Object.create(Uint8Array.prototype)` and
  // `{ length: 32 }` fail), then a Uint8Array of this realm or, by name, of another one.
  return (
    ArrayBuffer.isView(value) &&
    (value instanceof Uint8Array ||
      ((value as { constructor?: { name?: unknown } }).constructor?.name === 'Uint8Array' &&
        (value as { BYTES_PER_ELEMENT?: unknown }).BYTES_PER_ELEMENT === 1))
  );
}

/**
 * Asserts `value` is a `Uint8Array`; with `min`, of length exactly `min`, or `min..max`
 * (`max` may be `Infinity`).
 */
export function abytes(value: unknown, name: string, min?: number, max: number | undefined = min): Uint8Array {
  const want =
    min === undefined ? '' : min === max ? ` of length ${min}` : max === Infinity ? ` of length >= ${min}` : ` of length ${min}..${max}`;
  if (!isBytes(value)) throw new TypeError(`${title(name)}expected Uint8Array${want}, got ${describe(value)}`);
  if ((min !== undefined && value.length < min) || (max !== undefined && value.length > max)) {
    throw new RangeError(`${title(name)}expected Uint8Array${want}, got length=${value.length}`);
  }
  return value;
}

/** Asserts a well-formed string (no lone surrogate), non-empty when `nonEmpty` is set. */
export function astring(value: unknown, name: string, nonEmpty = false): string {
  if (typeof value !== 'string') throw new TypeError(`${title(name)}expected string, got ${describe(value)}`);
  if (nonEmpty && value.length === 0) throw new RangeError(`${title(name)}expected non-empty string`);
  if (!value.isWellFormed()) throw new RangeError(`${title(name)}expected well-formed string, got a lone surrogate`);
  return value;
}

/** Asserts a safe integer in `min..max`. */
export function ainteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') throw new TypeError(`${title(name)}expected integer, got ${describe(value)}`);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${title(name)}expected integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

/**
 * Asserts a plain object (a JSON object: prototype `Object.prototype` or `null`) holding only
 * `fields`. Arrays, class instances and typed arrays are refused; so is any unknown field.
 */
export function aobject(value: unknown, name: string, fields: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${title(name)}expected object, got ${describe(value)}`);
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new TypeError(`${title(name)}expected plain object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (!fields.includes(key)) throw new TypeError(`${title(name)}unknown field ${JSON.stringify(key.slice(0, 32))}`);
  }
  return value as Record<string, unknown>;
}
