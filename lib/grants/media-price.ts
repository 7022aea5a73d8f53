/**
 * A media model's price in its own unit, for the wallet's pages (the approval window, Prices):
 * speech per million characters, transcription per minute of audio, images per image. The
 * person's override first, then 0 on this computer, then the built-in table; null when none is
 * known (the wallet refuses the model until one is set).
 */
import type { PriceOverride } from '../db/tables/prices';
import { isLocalBaseUrl, presetFor } from '../providers/presets';
import { modelKind } from '../providers/model-kind';

export type MediaUnit = 'perMChars' | 'perMinute' | 'perImage';

/** The unit a model is priced in: null for chat and embedding models (per million tokens). */
export function mediaUnitOf(model: string): MediaUnit | null {
  const kind = modelKind(model);
  return kind === 'speech' ? 'perMChars' : kind === 'transcription' ? 'perMinute' : kind === 'image' ? 'perImage' : null;
}

export interface MediaPrice {
  unit: MediaUnit;
  usd: number;
  source: 'table' | 'override' | 'local';
}

export interface MediaPriceQuery {
  providerId: string;
  model: string;
  baseUrl?: string | undefined;
  /** Prices the person set for this key; matched by exact model id. */
  overrides?: ReadonlyArray<Pick<PriceOverride, 'model' | MediaUnit>>;
}

/**
 * The built-in price of a media model on a preset, in its unit. The seam for the dated media
 * price table in lib/budget/prices.ts: until that table is there, none is built in, so the
 * window shows "no price set" unless the person set one.
 */
export function builtInMediaPrice(_providerId: string, _model: string, _unit: MediaUnit): number | null {
  return null;
}

export function mediaPriceFor(query: MediaPriceQuery): MediaPrice | null {
  const unit = mediaUnitOf(query.model);
  if (!unit) return null;
  const override = query.overrides?.find((o) => o.model === query.model)?.[unit];
  if (override !== undefined) return { unit, usd: override, source: 'override' };
  if (isLocalBaseUrl(query.baseUrl || presetFor(query.providerId)?.defaultBaseUrl)) return { unit, usd: 0, source: 'local' };
  const table = builtInMediaPrice(query.providerId, query.model, unit);
  return table === null ? null : { unit, usd: table, source: 'table' };
}
