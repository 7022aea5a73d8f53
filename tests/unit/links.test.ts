/**
 * The repository stands alone: every relative link in a Markdown file, and every doc or source
 * path a comment names, resolves to a file in the repository; nothing cites a file outside it.
 * A reader of the repository alone must be able to follow every reference.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = process.cwd();
const SKIP = new Set(['node_modules', '.git', '.output', '.wxt', 'dist', 'test-results', 'playwright-report', 'bench']);
const SOURCE = /\.(?:ts|tsx|mjs|js|cjs)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(relative(ROOT, path));
  }
  return out;
}

const files = walk(ROOT);
const markdown = files.filter((f) => f.endsWith('.md'));
const sources = files.filter((f) => SOURCE.test(f));

/** Relative link targets in a Markdown file: `[text](target)`, without web links and anchors. */
export function markdownTargets(text: string): string[] {
  const out: string[] = [];
  const body = text.replace(/^```[\s\S]*?^```$/gm, '');
  for (const [, target] of body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target!)) continue;
    out.push(target!.replace(/#.*$/, ''));
  }
  return out;
}

/** Paths a comment names: `docs/X.md`, `X.md` (a doc in docs/ or the root), and `lib/…/x.ts`-style source paths. */
export function commentPaths(text: string): string[] {
  const comments = [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)].map((m) => m[0]).join('\n');
  const out = new Set<string>();
  for (const [path] of comments.matchAll(/(?<![\w./-])(?:[\w-]+\/)*[A-Z][A-Z_]+\.md\b/g)) out.add(path);
  for (const [path] of comments.matchAll(/(?<![\w./@-])(?:lib|components|entrypoints|client|tests|scripts|mock|bridge|docs|public)\/[\w./-]+\.(?:ts|tsx|mjs|js|md|json|html)\b/g)) out.add(path);
  return [...out];
}

function resolvesFromComment(file: string, path: string): boolean {
  // A build's output (dist/) exists only after a build; the unit tests run before it.
  if (path.split('/').includes('dist')) return true;
  if (path.includes('/')) return existsSync(join(ROOT, path)) || existsSync(join(ROOT, dirname(file), path));
  return [join(ROOT, 'docs', path), join(ROOT, path), join(ROOT, dirname(file), path)].some((p) => existsSync(p));
}

const OUTSIDE = /CONTRACT\.md|STYLE\.md|BROWSERS\.md|\.\.\/shared\b/;

describe('the repository stands alone', () => {
  it('finds the files it checks', () => {
    expect(markdown).toContain('README.md');
    expect(markdown).toContain('docs/API.md');
    expect(sources.length).toBeGreaterThan(100);
  });

  it('every relative link in a Markdown file resolves', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      for (const target of markdownTargets(readFileSync(file, 'utf8'))) {
        if (target && !existsSync(join(ROOT, dirname(file), decodeURIComponent(target)))) broken.push(`${file} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every doc or source path a comment names resolves', () => {
    const broken: string[] = [];
    for (const file of sources.filter((f) => f !== 'tests/unit/links.test.ts')) {
      for (const path of commentPaths(readFileSync(file, 'utf8'))) if (!resolvesFromComment(file, path)) broken.push(`${file} -> ${path}`);
    }
    expect(broken).toEqual([]);
  });

  it('nothing cites a file outside the repository', () => {
    const citing = [...markdown, ...sources].filter((f) => f !== 'tests/unit/links.test.ts' && OUTSIDE.test(readFileSync(f, 'utf8')));
    expect(citing).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    expect(markdownTargets('see [a](docs/A.md#x) and [b](https://x.dev) and [c](#top)')).toEqual(['docs/A.md']);
    expect(commentPaths('/** PROTOCOL.md §5 and lib/budget/admit.ts */\nconst s = "docs/NOT.md";')).toEqual(['PROTOCOL.md', 'lib/budget/admit.ts']);
    expect(resolvesFromComment('lib/x.ts', 'NO_SUCH_DOC.md')).toBe(false);
  });
});
