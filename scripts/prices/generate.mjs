/**
 * The pure half of `npm run prices:update`: the pinned catalog (+ byok's additions) in, the text of
 * lib/budget/catalog.generated.ts out. No clock, no network, sorted output: the same inputs always
 * give the same file (lib/budget/catalog.test.ts checks it).
 *
 * How a catalog model becomes a row of the wallet's table:
 * - Names: the model's id, each `equals` of its match, and each `starts_with` that is a whole id
 *   (not a bare prefix like `gpt-5-nano-`), all lowercased. The wallet never matches by prefix
 *   (`gpt-5-pro` must not be priced as `gpt-5`); dated snapshots (`-20250929`, `-2024-07-18`) are
 *   found by stripping the date at lookup, which covers the catalog's date regexes.
 * - Prices that change over time: the price in force on the catalog's date, raised to the highest of
 *   any later-scheduled price and of every time-of-day price (DeepSeek's peak), so the wallet never
 *   counts low.
 * - Long prompts: the catalog's tier (the whole request at the tier's price once the input passes
 *   `start` tokens) becomes `long`; byok bills one tier, the generator refuses a catalog with more.
 * - Speech, transcription, image and realtime models (by id) are not token-priced chat models: they
 *   go to MEDIA_CATALOG only, raw, for the media prices to use; a chat model's audio or
 *   image prices go there too.
 * - byok's additions (data/catalog/additions.json) add what the catalog lacks: a model it does not
 *   have yet, an output cap (the catalog has none), a long-prompt tier it does not list. They never
 *   lower a catalog price.
 */
import { MEDIA_KEYS, PRESET_TO_CATALOG } from './config.mjs';

const MEDIA_ID = /(tts|transcribe|whisper|realtime|audio|image|dall-e|sora|veo|imagen|lyria|live)/;
const WHOLE_ID = /[a-z0-9]$/;

export function generate(catalog, additions) {
  const date = catalog.source.date;
  const tokens = {};
  const media = {};
  for (const [preset, catalogId] of Object.entries(PRESET_TO_CATALOG).sort(([a], [b]) => a.localeCompare(b))) {
    const provider = catalog.providers.find((p) => p.id === catalogId);
    if (!provider) throw new Error(`the pinned catalog has no provider ${catalogId}`);
    const table = {};
    const mediaTable = {};
    for (const model of provider.models) {
      const prices = inForce(model, date);
      const mediaModel = MEDIA_ID.test(model.id);
      if (mediaModel || MEDIA_KEYS.some((k) => prices[k] !== undefined)) {
        // A media model's units, all of them; a chat model's (e.g. audio input) only its media ones.
        const units = Object.entries(prices).filter(([k, v]) => v !== undefined && (mediaModel || MEDIA_KEYS.includes(k)));
        if (units.length) mediaTable[model.id.toLowerCase()] = Object.fromEntries(units.sort(([a], [b]) => a.localeCompare(b)));
      }
      if (mediaModel) continue;
      if (prices.input_mtok === undefined) continue; // e.g. moderation: free in the catalog, so not priced here
      const entry = tokenEntry(model, prices);
      for (const name of namesOf(model)) if (!Object.hasOwn(table, name)) table[name] = entry;
    }
    for (const [id, add] of Object.entries(additions.models[preset] ?? {})) {
      const name = id.toLowerCase();
      const known = table[name];
      if (known) {
        // Every name of that model (its aliases share one entry) gets the addition.
        const added = { ...known, ...(add.maxOut !== undefined ? { maxOut: add.maxOut } : {}), ...(add.long && !known.long ? { long: add.long } : {}) };
        for (const [n, e] of Object.entries(table)) if (e === known) table[n] = added;
      } else if (add.in !== undefined && add.out !== undefined) {
        table[name] = { in: add.in, out: add.out, ...(add.maxOut !== undefined ? { maxOut: add.maxOut } : {}), ...(add.long ? { long: add.long } : {}), from: 'byok' };
      }
    }
    tokens[preset] = table;
    if (Object.keys(mediaTable).length) media[preset] = mediaTable;
  }
  return render(catalog.source, additions.source, tokens, media);
}

/** The prices in force on `date`, each the highest it can be from then on. */
function inForce(model, date) {
  if (!Array.isArray(model.prices)) return model.prices;
  const variants = model.prices;
  let current = 0;
  variants.forEach((v, i) => {
    if (v.constraint?.type === 'start_date' && v.constraint.start_date <= date) current = i;
  });
  const candidates = variants.filter((v, i) => i === current || (i > current && !(v.constraint?.type === 'start_date' && v.constraint.start_date <= date)));
  for (const v of candidates) {
    const type = v.constraint?.type;
    if (type !== undefined && type !== 'start_date' && type !== 'time_of_date') throw new Error(`${model.id}: unknown price constraint ${type}`);
  }
  return candidates.map((v) => v.prices).reduce(maxPrices);
}

function maxPrices(a, b) {
  const out = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = out[key] === undefined ? value : maxPrice(out[key], value, key);
  return out;
}

function maxPrice(a, b, key) {
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  const ta = asTiered(a);
  const tb = asTiered(b);
  const start = ta.tiers[0]?.start ?? tb.tiers[0]?.start;
  if ([ta, tb].some((t) => t.tiers.length > 1 || (t.tiers[0] && t.tiers[0].start !== start))) throw new Error(`${key}: cannot combine tiers ${JSON.stringify([a, b])}`);
  return { base: Math.max(ta.base, tb.base), tiers: [{ start, price: Math.max(ta.tiers[0]?.price ?? ta.base, tb.tiers[0]?.price ?? tb.base) }] };
}

const asTiered = (p) => (typeof p === 'number' ? { base: p, tiers: [] } : p);

function tokenEntry(model, prices) {
  const input = asTiered(prices.input_mtok);
  const output = asTiered(prices.output_mtok ?? 0);
  for (const p of [input, output]) if (p.tiers.length > 1) throw new Error(`${model.id}: byok bills one long-context tier, the catalog has ${p.tiers.length}`);
  const above = input.tiers[0]?.start ?? output.tiers[0]?.start;
  if (output.tiers[0] && output.tiers[0].start !== above) throw new Error(`${model.id}: input and output tiers start apart`);
  const entry = { in: input.base, out: output.base };
  if (above !== undefined) entry.long = { above, in: input.tiers[0]?.price ?? input.base, out: output.tiers[0]?.price ?? output.base };
  if (model.context_window) entry.context = model.context_window;
  return entry;
}

/** The exact names a model answers to (see the header). */
function namesOf(model) {
  const names = [model.id.toLowerCase()];
  const walk = (m) => {
    if ('or' in m) m.or.forEach(walk);
    else if ('equals' in m) names.push(m.equals.toLowerCase());
    else if ('starts_with' in m && WHOLE_ID.test(m.starts_with.toLowerCase())) names.push(m.starts_with.toLowerCase());
  };
  walk(model.match);
  return [...new Set(names)];
}

function render(source, additionsSource, tokens, media) {
  const row = (name, e) => {
    const parts = [`in: ${e.in}`, `out: ${e.out}`];
    if (e.maxOut !== undefined) parts.push(`maxOut: ${e.maxOut}`);
    if (e.long) parts.push(`long: { above: ${e.long.above}, in: ${e.long.in}, out: ${e.long.out} }`);
    if (e.context !== undefined) parts.push(`context: ${e.context}`);
    if (e.from) parts.push(`from: '${e.from}'`);
    return `    ${JSON.stringify(name)}: { ${parts.join(', ')} },`;
  };
  const tables = Object.entries(tokens)
    .map(([preset, table]) => `  ${JSON.stringify(preset)}: {\n${Object.keys(table).sort().map((n) => row(n, table[n])).join('\n')}\n  },`)
    .join('\n');
  const mediaTables = Object.entries(media)
    .map(([preset, table]) => `  ${JSON.stringify(preset)}: {\n${Object.keys(table).sort().map((n) => `    ${JSON.stringify(n)}: ${JSON.stringify(table[n])},`).join('\n')}\n  },`)
    .join('\n');
  return `// GENERATED by \`npm run prices:update\` (scripts/prices/update.mjs) from data/catalog/genai-prices.json
// and data/catalog/additions.json. Do not edit: change the pinned catalog or the additions, then regenerate.

/** Where the built-in prices come from: the pinned catalog, its version and date. */
export const CATALOG_SOURCE = {
  name: ${JSON.stringify(source.name)},
  package: ${JSON.stringify(source.package)},
  homepage: ${JSON.stringify(source.homepage)},
  version: ${JSON.stringify(source.version)},
  date: ${JSON.stringify(source.date)},
  additionsDate: ${JSON.stringify(additionsSource.date)},
} as const;

/**
 * USD per million tokens. \`long\`: the whole request at that price once the input passes \`above\`
 * tokens. \`maxOut\`: the output cap (from byok's additions; the catalog has none). \`from: 'byok'\`:
 * a model the catalog did not have yet, priced in data/catalog/additions.json.
 */
export interface CatalogEntry {
  readonly in: number;
  readonly out: number;
  readonly maxOut?: number;
  readonly long?: { readonly above: number; readonly in: number; readonly out: number };
  readonly context?: number;
  readonly from?: 'byok';
}

/** Token prices by byok preset id, then by lowercased model name (ids and the catalog's aliases). */
export const TOKEN_CATALOG: Readonly<Record<string, Readonly<Record<string, CatalogEntry>>>> = {
${tables}
};

/**
 * The catalog's prices for speech, transcription, image and realtime models, by preset id and
 * model, in the catalog's own units (\`*_mtok\`: USD per million tokens of that kind; \`*_hours\`:
 * USD per hour of audio). Not used by the token budget; there for the media prices.
 */
export const MEDIA_CATALOG: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>> = {
${mediaTables}
};
`;
}
