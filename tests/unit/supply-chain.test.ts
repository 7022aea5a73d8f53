/**
 * Supply chain (docs/THREAT_MODEL.md, "a compromised dependency"): the lockfile pins every package
 * by an integrity hash from the public registry; what ships is pinned exactly, crypto and provider
 * SDKs above all; nothing that ships runs an install script. `npm ci` (in .ci/run) refuses a
 * lockfile that does not match package.json, and scripts/audit.mjs runs `npm audit --omit=dev`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  hasInstallScript?: boolean;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry & { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
};

/** Crypto and provider SDKs: a new version is a reviewed change, never a silent update. */
const MUST_BE_EXACT = ['@noble/ciphers', '@noble/hashes', 'openai', '@anthropic-ai/sdk', 'zod', 'dexie'];
const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const REGISTRY = 'https://registry.npmjs.org/';

const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
const shipped = entries.filter(([, e]) => !e.dev && !e.devOptional);

describe('supply chain', () => {
  it('crypto and provider SDKs, and every runtime dependency, are pinned exactly', () => {
    for (const name of MUST_BE_EXACT) expect(pkg.dependencies[name], name).toMatch(EXACT);
    for (const [name, spec] of Object.entries(pkg.dependencies)) expect(spec, name).toMatch(EXACT);
  });

  it('the installed versions are the pinned ones', () => {
    for (const [name, spec] of Object.entries(pkg.dependencies)) expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(spec);
  });

  it('the lockfile matches package.json', () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    expect(lock.packages['']?.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']?.devDependencies).toEqual(pkg.devDependencies);
  });

  it('every locked package comes from the public registry with a sha512 integrity hash (no git, file or http sources)', () => {
    expect(entries.length).toBeGreaterThan(50);
    const bad = entries.filter(([, e]) => !e.link && (!e.integrity?.startsWith('sha512-') || (e.resolved !== undefined && !e.resolved.startsWith(REGISTRY))));
    expect(bad.map(([path, e]) => `${path} ${e.resolved ?? ''} ${e.integrity ?? 'no integrity'}`)).toEqual([]);
    for (const spec of [...Object.values(pkg.dependencies), ...Object.values(pkg.devDependencies)]) {
      expect(spec).not.toMatch(/^(?:git|github:|file:|link:|https?:)|\//);
    }
  });

  it('nothing that ships runs an install script', () => {
    expect(shipped.length).toBeGreaterThan(5);
    expect(shipped.filter(([, e]) => e.hasInstallScript).map(([path]) => path)).toEqual([]);
  });
});
