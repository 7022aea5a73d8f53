/**
 * Conventions of the crypto code, checked rather than remembered:
 * spec headers, test-only internals kept out of production code, one source of randomness,
 * noble pinned exactly, and messages that never choke on a hostile value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOSTILE } from '../../tests/support/crypto';
import { describe as describeValue } from './errors';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const posix = (path: string) => path.split(sep).join('/');

const SKIP_DIRS = new Set(['node_modules', '.git', '.output', '.wxt', 'dist', 'test-results', 'playwright-report', 'coverage']);
function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return /\.(?:ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [posix(relative(root, path))] : [];
  });
}

const isTest = (path: string) => /\.(?:test|spec|test-d)\.tsx?$/.test(path) || path.startsWith('tests/');
const cryptoModules = readdirSync(join(root, 'lib/crypto'))
  .filter((name) => name.endsWith('.ts') && !isTest(`lib/crypto/${name}`))
  .map((name) => `lib/crypto/${name}`);
const implementation = [...cryptoModules, 'lib/vault/envelope.ts'];

describe('crypto conventions', () => {
  it.each([
    ['lib/crypto/kdf.ts', ['RFC 7914']],
    ['lib/crypto/aead.ts', ['draft-irtf-cfrg-xchacha-03', 'RFC 8439']],
    ['lib/crypto/bytes.ts', ['RFC 4648']],
    ['lib/vault/envelope.ts', ['RFC 7914', 'draft-irtf-cfrg-xchacha-03']],
  ])('%s opens with a header naming its specs', (path, specs) => {
    const header = /^\/\*\*[\s\S]*?\*\//.exec(read(path))?.[0] ?? '';
    for (const spec of specs) expect(header).toContain(spec);
  });

  it('every crypto module opens with a header comment', () => {
    for (const path of implementation) expect(read(path).startsWith('/**'), path).toBe(true);
  });

  it('test-only internals (`_name` exports, the helpers in tests/support) are imported by tests only', () => {
    const internals = new Set(
      implementation.flatMap((path) => [...read(path).matchAll(/export (?:async )?(?:function|const) (_\w+)/g)].map((m) => m[1] ?? '')),
    );
    expect(internals).toEqual(new Set(['_assertKdfParams', '_deriveKey', '_scryptRaw', '_sealWithNonce', '_createVault', '_unwrapDataKey', '_rewrapDataKey']));
    const violations: string[] = [];
    for (const path of sourceFiles()) {
      if (isTest(path)) continue;
      for (const m of read(path).matchAll(/import\s+(?:type\s+)?(?:\{([^}]*)\}|[\w*\s]+)?\s*(?:from\s*)?['"]([^'"]+)['"]/g)) {
        const [, names = '', from = ''] = m;
        if (/(?:^|\/)tests\/support\//.test(from)) violations.push(`${path} imports ${from}`);
        if (/(?:^|\/)_assert(?:\.ts)?$/.test(from) && !implementation.includes(path)) violations.push(`${path} imports ${from}`);
        if (!implementation.includes(path) && /crypto\/|envelope/.test(from)) {
          for (const name of names.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]?.replace(/^type\s+/, '') ?? '')) {
            if (internals.has(name)) violations.push(`${path} imports ${name} from ${from}`);
          }
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('randomness comes only from crypto.getRandomValues', () => {
    for (const path of implementation) expect(read(path), path).not.toMatch(/Math\.random|node:crypto|randomUUID/);
    expect(read('lib/crypto/bytes.ts')).toContain('crypto.getRandomValues');
  });

  it('noble is pinned to an exact version', () => {
    const { dependencies } = JSON.parse(read('package.json')) as { dependencies: Record<string, string> };
    expect(dependencies['@noble/ciphers']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(dependencies['@noble/hashes']).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('error messages describe any hostile value without throwing or echoing it', () => {
    for (const [label, value] of HOSTILE) {
      const text = describeValue(value);
      expect(text, label).toMatch(/^(?:type=\w+|-?[\d.e+]+|NaN|-?Infinity)$/);
    }
    expect(describeValue('sk-secret')).toBe('type=string');
  });
});
