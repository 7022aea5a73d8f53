/**
 * Every word the wallet shows comes from public/_locales/<lang>/messages.json (lib/i18n/t.ts), so a
 * translator works in those files alone:
 * - no words in the UI's code (tests/unit/support/ui-text.ts says what counts);
 * - every key the code names exists, every message is used, `t('key', …)` and `rich('key', …)` pass as many values
 *   as the message has substitutions;
 * - every message says what it is for, its placeholders are defined and used, a dollar sign is
 *   written `$$`; keys are sorted (translators and merges find their place);
 * - another language has only English's keys, with the same placeholders;
 * - the accessible names docs/API.md promises to testers are English messages, word for word.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { formatMessage, type MessageEntry } from '@/lib/i18n/format';
import { PRESETS } from '@/lib/providers/presets';
import { findUiText } from './support/ui-text';

type Messages = Record<string, MessageEntry>;
const LOCALES = 'public/_locales';
const read = (lang: string): Messages => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
const english = read('en');

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path, keep) : keep(path) ? [path] : [];
  });
}

const isTest = (f: string) => /\.test\.tsx?$/.test(f);
/** The UI: its components and pages, and the modules that compose what they show. */
const UI_FILES = [
  ...walk('components', (f) => f.endsWith('.tsx') && !isTest(f)),
  ...walk('entrypoints', (f) => f.endsWith('.tsx')),
  ...walk('lib/ui', (f) => /\.tsx?$/.test(f) && !isTest(f)),
  ...walk('lib/i18n', (f) => f.endsWith('.ts') && !isTest(f)),
  'lib/background/badge.ts',
  'lib/audit/export.ts',
  'lib/dashboard/prices.ts',
  'lib/dashboard/key-spend.ts',
];
/** Where a key may be named: all the product's code. */
const PRODUCT_FILES = [...walk('lib', (f) => /\.tsx?$/.test(f) && !isTest(f)), ...walk('components', (f) => /\.tsx?$/.test(f) && !isTest(f)), ...walk('entrypoints', (f) => /\.tsx?$/.test(f)), 'wxt.config.ts'];

/** The substitutions a message takes: the highest `$n` its placeholders name. */
function substitutions(entry: MessageEntry): number {
  const used = Object.values(entry.placeholders ?? {}).flatMap((p) => [...p.content.matchAll(/\$([1-9])/g)].map((m) => Number(m[1])));
  return Math.max(0, ...used);
}

describe('i18n', () => {
  it('the UI has no words of its own: they are all in the message files', () => {
    const found = UI_FILES.flatMap((file) => findUiText(file, readFileSync(file, 'utf8'), !file.endsWith('.tsx')));
    expect(found.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('the pages load with only the brand as title (the words come at mount, in the person’s language)', () => {
    for (const page of ['approve', 'options', 'popup', 'unlock']) {
      expect(readFileSync(`entrypoints/${page}/index.html`, 'utf8'), page).toMatch(/<title>byok<\/title>/);
    }
  });

  const literals = new Map<string, { file: string; args?: number }[]>();
  for (const file of PRODUCT_FILES) {
    const code = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        const call = node.parent;
        const direct = ts.isCallExpression(call) && call.arguments[0] === node && ['t', 'rich'].includes(call.expression.getText());
        const uses = literals.get(node.text) ?? [];
        uses.push(direct ? { file, args: call.arguments.length - 1 } : { file });
        literals.set(node.text, uses);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const m of code.matchAll(/__MSG_(\w+)__/g)) literals.set(m[1]!, [...(literals.get(m[1]!) ?? []), { file }]);
  }

  it('every message is used, and each t() call passes as many values as its message takes', () => {
    const unused = Object.keys(english).filter((key) => {
      if (key === 'lang') return false;
      const plural = key.match(/^(.*)_(zero|one|two|few|many|other)$/);
      return !literals.has(key) && !(plural && literals.has(plural[1]!));
    });
    expect(unused).toEqual([]);
    const wrong: string[] = [];
    for (const [key, uses] of literals) {
      const entry = english[key];
      if (!entry) continue;
      for (const use of uses) if (use.args !== undefined && use.args !== substitutions(entry)) wrong.push(`${use.file}: t('${key}') with ${use.args} values, the message takes ${substitutions(entry)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('every English message says what it is for, and its placeholders are whole', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(english)) {
      if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: a key is letters, digits and _`);
      if (!entry.description?.trim()) problems.push(`${key}: no description for the translator`);
      const named = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      const defined = new Set(Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()));
      for (const n of named) if (!defined.has(n)) problems.push(`${key}: $${n}$ is not defined`);
      for (const n of defined) if (!named.has(n)) problems.push(`${key}: placeholder ${n} is not in the message`);
      const stray = entry.message.replace(/\$\$/g, '').replace(/\$[A-Za-z0-9_]+\$/g, '');
      if (stray.includes('$')) problems.push(`${key}: a lone $ (write $$ for a dollar sign)`);
      const plural = key.match(/^(.*)_(zero|one|two|few|many|other)$/);
      if (plural && !english[`${plural[1]}_other`]) problems.push(`${key}: a plural form without ${plural[1]}_other`);
    }
    expect(problems).toEqual([]);
  });

  it('the keys are sorted', () => {
    const keys = Object.keys(english);
    expect(keys).toEqual([...keys].sort());
  });

  it('another language has only English keys, with the same placeholders', () => {
    for (const lang of readdirSync(LOCALES).filter((l) => l !== 'en')) {
      for (const [key, entry] of Object.entries(read(lang))) {
        const plural = key.match(/^(.*)_(zero|one|two|few|many|other)$/);
        const base = english[key] ?? (plural ? english[`${plural[1]}_other`] : undefined);
        expect(base, `${lang}: ${key}`).toBeDefined();
        expect(Object.keys(entry.placeholders ?? {}).sort(), `${lang}: ${key}`).toEqual(Object.keys(base!.placeholders ?? {}).sort());
      }
    }
  });

  it('every accessible name docs/API.md promises to testers is an English message, word for word', () => {
    const api = readFileSync('docs/API.md', 'utf8');
    const section = api.slice(api.indexOf('## For testers'), api.indexOf('## Testing your app'));
    // The section's bold words are names, except its paragraphs' own headings and the key Escape;
    // provider names come from the presets, not the message file.
    const notNames = new Set(['Options page', 'Approval window', 'First run', 'Escape', ...PRESETS.map((p) => p.label)]);
    const names = [...section.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!.replace(/\s+/g, ' ')).filter((n) => !notNames.has(n));
    const shown = new Set(Object.values(english).map((entry) => formatMessage(entry, ['ORIGIN'])));
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !shown.has(name))).toEqual([]);
  });
});
