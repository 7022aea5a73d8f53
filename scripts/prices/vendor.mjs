#!/usr/bin/env node
/**
 * Refreshes the pinned price catalog, data/catalog/genai-prices.json, from a published version of
 * @pydantic/genai-prices (the maintained catalog byok prices from; its data is embedded in the
 * package). This is the only step that goes online (`npm pack`, `npm view`); `npm run prices:update`
 * then regenerates lib/budget/catalog.generated.ts offline from the pinned copy.
 *
 *   npm run prices:vendor -- 0.1.8        (then: npm run prices:update, review the diff, run the tests)
 *
 * Only the providers of byok's presets are kept (lib/providers/presets.ts), and of each model only
 * what the wallet uses: its id, how the catalog matches it, its context window and its token and
 * media prices. The copy stays small and reviewable.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CATALOG_PATH, KEPT_PRICE_KEYS, OPENROUTER_VENDORS, PRESET_TO_CATALOG } from './config.mjs';

const PACKAGE = '@pydantic/genai-prices';
const version = process.argv[2];
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
  console.error(`usage: npm run prices:vendor -- <version of ${PACKAGE}, e.g. 0.1.8>`);
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'byok-catalog-'));
try {
  execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--silent'], { cwd: work, stdio: ['ignore', 'pipe', 'inherit'] });
  const tgz = `pydantic-genai-prices-${version}.tgz`;
  execFileSync('tar', ['xzf', tgz], { cwd: work });
  const pkg = JSON.parse(readFileSync(join(work, 'package', 'package.json'), 'utf8'));
  const published = JSON.parse(execFileSync('npm', ['view', `${PACKAGE}@${version}`, 'time', '--json'], { encoding: 'utf8' }))[version];
  const lib = await import(pathToFileURL(join(work, 'package', 'dist', 'index.js')).href);

  const providers = [...new Set(Object.values(PRESET_TO_CATALOG))].sort().map((id) => {
    const provider = lib.findProvider({ providerId: id });
    if (!provider || provider.id !== id) throw new Error(`the catalog has no provider ${id}`);
    const models = provider.models
      .filter((m) => id !== 'openrouter' || OPENROUTER_VENDORS.includes(m.id.split('/')[0]))
      .map(trimModel);
    return { id, name: provider.name, pricing_urls: provider.pricing_urls ?? [], models };
  });

  const catalog = {
    source: {
      name: 'genai-prices',
      package: `${PACKAGE}@${version}`,
      homepage: pkg.homepage,
      license: pkg.license,
      version,
      date: String(published).slice(0, 10),
      trimmed: 'providers of byok presets only; per model: id, match, context_window, deprecated, and the price keys scripts/prices/config.mjs keeps',
    },
    providers,
  };
  writeFileSync(CATALOG_PATH, formatCatalog(catalog));
  console.log(`pinned ${PACKAGE}@${version} (${catalog.source.date}): ${providers.map((p) => `${p.id} ${p.models.length}`).join(', ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

function trimModel(m) {
  return {
    id: m.id,
    match: m.match,
    ...(m.context_window ? { context_window: m.context_window } : {}),
    ...(m.deprecated ? { deprecated: true } : {}),
    prices: Array.isArray(m.prices) ? m.prices.map((c) => ({ ...(c.constraint ? { constraint: c.constraint } : {}), prices: trimPrices(c.prices) })) : trimPrices(m.prices),
  };
}

function trimPrices(prices) {
  return Object.fromEntries(Object.entries(prices).filter(([key]) => KEPT_PRICE_KEYS.includes(key)));
}

/** One model a line: small, and a new catalog version reviews as a diff of the models that changed. */
function formatCatalog({ source, providers }) {
  const provider = (p) =>
    `  {"id": ${JSON.stringify(p.id)}, "name": ${JSON.stringify(p.name)}, "pricing_urls": ${JSON.stringify(p.pricing_urls)}, "models": [\n${p.models.map((m) => `    ${JSON.stringify(m)}`).join(',\n')}\n  ]}`;
  return `{\n "source": ${JSON.stringify(source)},\n "providers": [\n${providers.map(provider).join(',\n')}\n ]\n}\n`;
}
