// Conventions checked by a test, not by memory.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as client from './index.js';

const src = dirname(fileURLToPath(import.meta.url));
const shipped = readdirSync(src).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-'));

describe('client conventions', () => {
  it('exports what the contract promises (client/README.md)', () => {
    for (const name of ['getByok', 'onProviders', 'ByokError', 'byokFetch', 'createByokFetch', 'LanguageModel', 'chatText', 'ensureGrant']) expect(client).toHaveProperty(name);
    expect([client.USER_REJECTED, client.UNAUTHORIZED, client.UNSUPPORTED, client.RATE_LIMITED, client.BUDGET_EXCEEDED, client.LOCKED, client.INVALID_PARAMS, client.PROVIDER_ERROR]).toEqual([
      4001, 4100, 4200, 4290, 4402, 4900, -32602, 5000,
    ]);
  });

  it.each(shipped)('%s has no runtime dependency: relative .js imports only', (file) => {
    const text = readFileSync(join(src, file), 'utf8');
    const specifiers = [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    for (const s of specifiers) expect(s).toMatch(/^\.\/[\w-]+\.js$/);
  });

  it.each(shipped)('%s starts with a comment saying what it is', (file) => {
    expect(readFileSync(join(src, file), 'utf8')).toMatch(/^\/\*\*/);
  });

  it('writes every message in messages.ts', () => {
    for (const file of shipped.filter((f) => f !== 'messages.ts')) {
      const text = readFileSync(join(src, file), 'utf8');
      expect(text, file).not.toMatch(/new (?:ByokError|HttpError|TypeError|DOMException)\([^)]*'[A-Z][a-z]+ [a-z]/);
    }
  });
});
