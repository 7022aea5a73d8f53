/**
 * The wallet harness (./wallet-harness.ts) set up for the media capabilities: a grant with the
 * speech, transcription and images scopes and their defaults, a price per test, and audio bytes.
 */
import type { Price } from '../../lib/budget/price';
import type { MediaScope } from '../../lib/protocol/scopes';
import type { ProviderAdapter } from '../../lib/providers/types';
import { makeHarness, TEST_ORIGIN, type Harness } from './wallet-harness';

export interface MediaHarnessOptions {
  adapter: ProviderAdapter;
  /** The price of every model, or per model and variant. */
  price: Price | null | ((model: string, variant: string | undefined) => Price | null);
  budgetUsd?: number;
  /** The models the grant holds besides `m` (all served by the one key). */
  models?: string[];
  defaults?: Partial<Record<MediaScope, string>>;
  /** Whether the key's provider serves the capability (the preset's `capabilities`). */
  serves?: boolean;
}

export async function makeMediaHarness(options: MediaHarnessOptions): Promise<Harness & { variants: (string | undefined)[] }> {
  const harness = await makeHarness({ adapter: options.adapter, ...(options.budgetUsd !== undefined ? { budgetUsd: options.budgetUsd } : {}) });
  const variants: (string | undefined)[] = [];
  const { price } = options;
  harness.ctx.providers.priceFor = async (_key, model, _input, variant) => {
    variants.push(variant);
    return typeof price === 'function' ? price(model, variant) : price;
  };
  if (options.serves !== undefined) harness.ctx.providers.serves = () => options.serves!;
  const models = ['m', ...(options.models ?? [])];
  const grant = (await harness.ctx.grants.get(TEST_ORIGIN))!;
  await harness.ctx.grants.put({
    ...grant,
    scopes: ['chat', 'models', 'embed', 'speech', 'transcription', 'images'],
    models,
    routes: Object.fromEntries(models.map((m) => [m, harness.keyId])),
    defaults: options.defaults ?? { speech: 'm', transcription: 'm', images: 'm' },
  });
  return { ...harness, variants };
}

/** A PCM WAV of `seconds` (8 kHz, 8-bit mono: 8 000 bytes a second), whose header says its length. */
export function wavBytes(seconds: number): Uint8Array<ArrayBuffer> {
  const rate = 8_000;
  const data = Math.round(seconds * rate);
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + data, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, data, true);
  bytes.fill(128, 44);
  return bytes;
}
