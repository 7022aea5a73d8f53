/**
 * Extension policy, checked on the built extension (`.output/chrome-mv3`, built before the e2e
 * run): a strict CSP, nothing web-accessible, no external messaging, no dangerous permission, no
 * remote code and no string-to-code (`eval`, `new Function`) in the shipped JavaScript. The source
 * is held to the same by ESLint (`no-eval`, `no-implied-eval`, `no-new-func` in eslint.config.js).
 */
import { test, expect } from '@playwright/test';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { EXTENSION_PATH } from '../../../scripts/browser.mjs';

interface Manifest {
  content_security_policy?: { extension_pages?: string };
  web_accessible_resources?: unknown;
  externally_connectable?: { ids?: string[]; matches?: string[]; accepts_tls_channel_id?: boolean };
  permissions?: string[];
  host_permissions?: string[];
  sandbox?: unknown;
  background?: { service_worker?: string };
  content_scripts?: { js?: string[] }[];
}

async function files(dir: string, ext: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path, ext)));
    else if (entry.name.endsWith(ext)) out.push(path);
  }
  return out;
}

/** Ways JavaScript turns a string into code, or loads code from elsewhere. */
const CODE_FROM_STRINGS: { what: string; pattern: RegExp }[] = [
  { what: 'eval()', pattern: /(?<![\w$.])eval\s*\(/g },
  { what: 'new Function', pattern: /\bnew\s+Function\b/g },
  { what: 'Function() call', pattern: /(?<![\w$.])Function\s*\(/g },
  { what: 'Function assigned (to be called later)', pattern: /(?<![=!<>])=\s*Function\s*[,;)}\n]/g },
  { what: 'setTimeout/setInterval with a string', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { what: 'importScripts()', pattern: /\bimportScripts\s*\(/g },
  { what: 'remote import()', pattern: /\bimport\s*\(\s*["'`](?:https?:)?\/\//g },
];

/**
 * Known occurrences in dependencies, each harmless here, and any of them would throw under the
 * extension CSP (no 'unsafe-eval') if reached. zod 4 compiles fast object parsers with
 * `new Function` only when a probe (`Function('')` in a try/catch) succeeds; under the CSP the
 * probe throws and zod parses with its interpreter.
 */
const ALLOWED: { why: string; pattern: RegExp }[] = [
  { why: "zod's allowsEval probe, caught under the CSP", pattern: /try\{return Function\(``\),!0\}catch\{return!1\}/ },
  { why: "zod's JIT compile, reached only when the probe succeeded", pattern: /compile\(\)\{let [\w$]+=Function,/ },
  {
    why: "decimal.js-light's (via recharts) global-object fallback, reached only when `self` is not the global (never in an extension page)",
    pattern: /self\.self==self\?self:Function\(`return this`\)\(\)/,
  },
];

test('the built manifest: strict CSP, only the bridge web-accessible, no external messaging, no dangerous permission', async () => {
  const manifest = JSON.parse(await readFile(join(EXTENSION_PATH, 'manifest.json'), 'utf8')) as Manifest;
  const csp = Object.fromEntries(
    (manifest.content_security_policy?.extension_pages ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
  // Web pages may frame the lane's bridge, the one web-accessible page (lib/lane); no extension page may frame any.
  expect(csp).toEqual({ 'script-src': ["'self'"], 'object-src': ["'self'"], 'frame-ancestors': ['http:', 'https:'] });
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['bridge.html'], matches: ['http://*/*', 'https://*/*'] }]);
  expect(manifest.sandbox).toBeUndefined();
  expect(manifest.externally_connectable).toEqual({ ids: [], matches: [] });
  // nativeMessaging is the one exception: it starts only our own host (dev.byok.bridge, whose manifest
  // names this extension), and only while "Allow local apps" is on (tests/e2e/attacks/bridge.spec.ts).
  expect(manifest.permissions ?? []).toContain('nativeMessaging');
  const dangerous = ['debugger', 'management', 'webRequest', 'webRequestBlocking', 'proxy', 'cookies', 'history', 'scripting', 'tabs', 'webNavigation', 'clipboardRead', 'declarativeNetRequest'];
  expect((manifest.permissions ?? []).filter((p) => dangerous.includes(p))).toEqual([]);
  expect(manifest.host_permissions ?? []).not.toContain('<all_urls>');
  // Every script the manifest runs is a file of the package.
  const scripts = [manifest.background?.service_worker, ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])];
  for (const script of scripts) expect(script, 'a packaged script').toMatch(/^[\w./-]+\.js$/);
});

test('the built pages load only packaged scripts: no inline or remote script', async () => {
  for (const path of await files(EXTENSION_PATH, '.html')) {
    const html = await readFile(path, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length, relative(EXTENSION_PATH, path)).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim(), `inline script in ${path}`).toBe('');
      expect(attrs, path).toMatch(/\bsrc="\/[\w./-]+\.js"/);
    }
    expect(html, path).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//i);
  }
});

test('the built JavaScript has no eval, no new Function, no remote code, beyond the known dependency sites', async () => {
  const findings: string[] = [];
  const allowedSeen = new Set<string>();
  const scripts = await files(EXTENSION_PATH, '.js');
  expect(scripts.length).toBeGreaterThan(3);
  for (const path of scripts) {
    const code = await readFile(path, 'utf8');
    for (const { what, pattern } of CODE_FROM_STRINGS) {
      for (const match of code.matchAll(pattern)) {
        const around = code.slice(Math.max(0, match.index - 80), match.index + 80);
        const allowed = ALLOWED.find((a) => a.pattern.test(around));
        if (allowed) allowedSeen.add(allowed.why);
        else findings.push(`${relative(EXTENSION_PATH, path)}: ${what}: …${around}…`);
      }
    }
  }
  expect(findings).toEqual([]);
  // The content scripts, which run in every page, have none at all.
  for (const path of scripts.filter((p) => /content-scripts|relay/.test(p))) {
    const code = await readFile(path, 'utf8');
    for (const { what, pattern } of CODE_FROM_STRINGS) expect(code.match(pattern), `${what} in ${path}`).toBeNull();
  }
  // The allowlist is not stale: drop an entry when its dependency no longer has it.
  expect([...allowedSeen].sort()).toEqual(ALLOWED.map((a) => a.why).sort());
});
