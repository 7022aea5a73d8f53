/**
 * The generated price table against its sources: the pinned catalog (data/catalog/genai-prices.json)
 * read here directly, the presets' models, and the generator run twice.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESETS, knownModels } from '../providers/presets';
import { CATALOG_SOURCE, MEDIA_CATALOG, TOKEN_CATALOG } from './catalog.generated';
import { maxOutputTokens, priceFor } from './prices';

interface CatalogModel {
  id: string;
  match: unknown;
  prices: Record<string, unknown> | Array<{ constraint?: unknown; prices: Record<string, unknown> }>;
}
interface Catalog {
  source: { package: string; version: string; date: string; homepage: string };
  providers: Array<{ id: string; models: CatalogModel[] }>;
}

const root = new URL('../../', import.meta.url);
const catalog = JSON.parse(readFileSync(new URL('data/catalog/genai-prices.json', root), 'utf8')) as Catalog;

/** The flat token price the catalog itself gives `modelId` (its own entry), read without the generator. */
function catalogPrice(provider: string, modelId: string): { input: number; output: number } {
  const model = catalog.providers.find((p) => p.id === provider)?.models.find((m) => m.id === modelId);
  if (!model || Array.isArray(model.prices)) throw new Error(`no flat catalog price for ${provider} ${modelId}`);
  const input = model.prices.input_mtok;
  const output = model.prices.output_mtok ?? 0;
  if (typeof input !== 'number' || typeof output !== 'number') throw new Error(`tiered catalog price for ${modelId}`);
  return { input, output };
}

describe('the generated price table', () => {
  it('is dated and sourced by the pinned catalog', () => {
    expect(CATALOG_SOURCE.date).toBe(catalog.source.date);
    expect(CATALOG_SOURCE.version).toBe(catalog.source.version);
    expect(CATALOG_SOURCE.package).toBe(`@pydantic/genai-prices@${catalog.source.version}`);
  });

  it('prices gpt-4o-mini at $0.15 / $0.60 per million, as the acceptance contract relies on', () => {
    expect(catalogPrice('openai', 'gpt-4o-mini')).toEqual({ input: 0.15, output: 0.6 });
    expect(priceFor({ providerId: 'openai', model: 'gpt-4o-mini' })).toMatchObject({ inputPerM: 0.15, outputPerM: 0.6, source: 'table' });
  });

  it.each([
    ['openai', 'openai', 'gpt-4o-mini'],
    ['openai', 'openai', 'gpt-4.1'],
    ['openai', 'openai', 'o4-mini'],
    ['openai', 'openai', 'text-embedding-3-small'],
    ['anthropic', 'anthropic', 'claude-haiku-4-5'],
    ['anthropic', 'anthropic', 'claude-opus-4-1'],
    ['anthropic', 'anthropic', 'claude-opus-5-5'],
    ['gemini', 'google', 'gemini-2.5-flash'],
    ['xai', 'x-ai', 'grok-3-mini'],
    ['groq', 'groq', 'llama-3.3-70b-versatile'],
    ['together', 'together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'],
    ['mistral', 'mistral', 'mistral-large'],
    ['deepseek', 'deepseek', 'deepseek-v3.2'],
    ['openrouter', 'openrouter', 'openai/gpt-4o-mini'],
  ])('%s %s: the catalog price of %s', (preset, provider, model) => {
    const { input, output } = catalogPrice(provider, model);
    expect(priceFor({ providerId: preset, model })).toMatchObject({ inputPerM: input, outputPerM: output, source: 'table' });
  });

  it('keeps every flat-priced catalog model of every preset at the catalog price, by its own id', () => {
    let checked = 0;
    for (const preset of Object.keys(TOKEN_CATALOG)) {
      const provider = { gemini: 'google', xai: 'x-ai' }[preset] ?? preset;
      for (const model of catalog.providers.find((p) => p.id === provider)!.models) {
        if (Array.isArray(model.prices) || typeof model.prices.input_mtok !== 'number' || typeof (model.prices.output_mtok ?? 0) !== 'number') continue;
        const row = TOKEN_CATALOG[preset]![model.id.toLowerCase()];
        if (!row) continue; // a media model (MEDIA_CATALOG) or a name an earlier model claims
        expect(row.in, `${preset} ${model.id}`).toBe(model.prices.input_mtok);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('takes the price in force on the catalog date, and DeepSeek at its peak', () => {
    // gpt-5.6-sol: 5/30 until 2026-08-21, then 4/20 (before the catalog's date).
    expect(priceFor({ providerId: 'openai', model: 'gpt-5.6-sol' })).toMatchObject({ inputPerM: 4, outputPerM: 20 });
    // deepseek-v4-pro: off-peak 0.435/0.87 from 2026-08-17, 1.32/3.96 at peak hours.
    expect(priceFor({ providerId: 'deepseek', model: 'deepseek-v4-pro' })).toMatchObject({ inputPerM: 1.32, outputPerM: 3.96 });
  });

  it('has a price for every model a preset offers, and output caps for the well-known ones', () => {
    // ElevenLabs' price depends on the person's plan: theirs to set (4402 until then), never in a table.
    for (const preset of PRESETS.filter((p) => !p.keyless && p.id !== 'openai-compatible' && p.id !== 'elevenlabs')) {
      for (const model of knownModels(preset.id)) {
        const price = priceFor({ providerId: preset.id, model });
        expect(price, `${preset.id} ${model}`).not.toBeNull();
        expect(price!.inputPerM, `${preset.id} ${model}`).toBeGreaterThan(0);
      }
    }
    // The mock's and the fixtures' models (tests/support/providers/, mock/models.mjs).
    for (const model of ['gpt-4o', 'gpt-4o-mini', 'gpt-4o-mini-2024-07-18', 'text-embedding-3-small']) expect(priceFor({ providerId: 'openai', model })).not.toBeNull();
    for (const model of ['claude-sonnet-4-5', 'claude-haiku-4-5']) expect(priceFor({ providerId: 'anthropic', model })).not.toBeNull();
    expect(maxOutputTokens('gpt-4o-mini')).toBe(16_384);
    expect(maxOutputTokens('claude-haiku-4-5')).toBe(64_000);
  });

  it('keeps media models out of the token table and hands their prices on', () => {
    // Priced in their own units by lib/budget/media-prices.ts, not by tokens from this table.
    expect(TOKEN_CATALOG.openai?.['whisper-1']).toBeUndefined();
    expect(TOKEN_CATALOG.openai?.['gpt-image-1']).toBeUndefined();
    expect(priceFor({ providerId: 'openai', model: 'whisper-1' })).toMatchObject({ inputPerM: 0, outputPerM: 0, perMinute: 0.006 });
    expect(MEDIA_CATALOG.openai?.['whisper-1']).toMatchObject({ audio_hours: 0.36 });
    expect(MEDIA_CATALOG.openai?.['gpt-4o-mini-tts']).toMatchObject({ input_mtok: 0.6, output_mtok: 12 });
  });

  it('is generated deterministically and offline from the pinned copy, and checked in up to date', () => {
    const run = () => execFileSync(process.execPath, ['scripts/prices/update.mjs', '--stdout'], { cwd: root, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true' } });
    const first = run();
    expect(run()).toBe(first);
    expect(readFileSync(new URL('lib/budget/catalog.generated.ts', root), 'utf8')).toBe(first);
  });
});
