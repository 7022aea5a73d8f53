// @ts-check
/**
 * A minimal value that fits a JSON Schema, for forced tool calls without a `[[tool:...]]`
 * directive: objects get their required properties, other types a plain default.
 */
import { isObject } from './http.mjs';

const MAX_DEPTH = 8;

/**
 * @param {unknown} schema
 * @param {number} [depth]
 * @returns {unknown}
 */
export function sampleFromSchema(schema, depth = 0) {
  if (!isObject(schema) || depth > MAX_DEPTH) return {};
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return '';
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array':
      return [];
    default:
      return sampleObject(schema, depth);
  }
}

/**
 * @param {Record<string, unknown>} schema
 * @param {number} depth
 */
function sampleObject(schema, depth) {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((k) => typeof k === 'string') : [];
  /** @type {Record<string, unknown>} */
  const value = {};
  for (const key of required) {
    // defineProperty, so that a property named `__proto__` stays a plain property
    Object.defineProperty(value, key, { value: sampleFromSchema(properties[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return value;
}
