/**
 * The threat model names a test for every defence: each named test file exists, and each named
 * describe / test title is in it. A renamed or deleted test fails here until the doc follows.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

const doc = readFileSync('docs/THREAT_MODEL.md', 'utf8').replace(/^```[\s\S]*?^```$/gm, '');

/** `file › title › title` and `… › title` (same file as the previous reference) in backticks. */
function references(): { file: string; titles: string[] }[] {
  const out: { file: string; titles: string[] }[] = [];
  let last = '';
  for (const [, body] of doc.matchAll(/`([^`]+)`/g)) {
    const parts = body!.split(' › ').map((p) => p.trim());
    const head = parts[0]!;
    if (/^(?:tests|lib)\/[^\s*]+\.(?:spec|test)\.ts$/.test(head)) last = head;
    else if (head !== '…') continue;
    out.push({ file: last, titles: parts.slice(1).filter((t) => t !== '…') });
  }
  return out;
}

describe('docs/THREAT_MODEL.md', () => {
  const refs = references();

  it('names tests', () => {
    expect(refs.length).toBeGreaterThan(40);
  });

  it('names only tests that exist', () => {
    const missing: string[] = [];
    for (const { file, titles } of refs) {
      if (!existsSync(file)) {
        missing.push(file);
        continue;
      }
      const source = readFileSync(file, 'utf8').replace(/\\'/g, "'");
      for (const title of titles) if (!source.includes(title.replace(/^… /, ''))) missing.push(`${file} › ${title}`);
    }
    expect(missing).toEqual([]);
  });

  it('covers every attack test file', () => {
    const named = new Set(refs.map((r) => r.file));
    for (const file of ['frames', 'forged-messages', 'prompt-spam', 'clickjacking', 'tampering', 'other-extensions', 'leaky-errors', 'extension-policy', 'lane', 'overspend', 'bridge']) {
      expect(named, file).toContain(`tests/e2e/attacks/${file}.spec.ts`);
    }
  });
});
