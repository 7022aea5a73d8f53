/**
 * The `generateImage` capability: bounded by n images at the per-image price of the size and
 * quality asked (`auto`: the dearest the model could pick), plus, for a model billed by tokens
 * (gpt-image-1), its prompt's tokens. Its per-image prices are its output tokens at its rate, so
 * the tokens it reports are charged as billed and stay within the bound.
 */
import type { GenerateImageRequest, GenerateImageResult } from '../../protocol/media';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import type { ImageCall, ImageOutcome } from '../../providers/types';
import { imageModel, imagePrice, imageVariant } from '../../budget/media-prices';
import { tokensForChars } from '../../budget/estimate';
import type { Capability } from '../capability';
import type { PipelineDeps } from '../deps';
import { runRequest, type RequestCall } from '../pipeline';
import { countMedia, cutShortMedia, tokenBilled, utf8Bytes } from './media-charge';

const invalid = (field: string, problem: string) => new WalletError(ErrorCode.invalidParams, messages.invalidParams(field, problem));

/** The request's size and quality on `model`; a known model's limits are checked here, before anything is reserved or sent. */
export function imageRequestVariant(request: GenerateImageRequest, model: string): string {
  const known = imageModel(model);
  if (!known) return imageVariant(request.size, request.quality);
  const n = request.n ?? 1;
  if (n > known.maxN) throw invalid('n', messages.imageCountTooMany(model, known.maxN));
  const size = request.size ?? known.defaultSize;
  if (size !== 'auto' && !Object.hasOwn(known.perImage, size)) throw invalid('size', messages.imageSizeUnknown(model, Object.keys(known.perImage)));
  const variant = imageVariant(size, request.quality);
  if (imagePrice(known, variant) === undefined) throw invalid('quality', messages.imageQualityUnknown(model, request.quality ?? 'auto'));
  return variant;
}

export const images: Capability<GenerateImageRequest, ImageCall, ImageOutcome, GenerateImageResult> = {
  kind: 'images',
  model: (request) => request.model,
  priceVariant: imageRequestVariant,
  bound(request, model, _limits, price) {
    const n = request.n ?? 1;
    const units = { images: n };
    const { model: _named, n: _n, ...rest } = request;
    const sent: ImageCall = { ...rest, model, n };
    const inputTokens = tokenBilled(price) ? utf8Bytes(request.prompt) + 64 : 0;
    const inputEstimate = tokenBilled(price) ? tokensForChars(request.prompt.length) : 0;
    return { sent, upperBound: { inputTokens, outputTokens: 0, units }, inputEstimate, units, estimate: { inputTokens: inputEstimate, outputTokens: 0, units } };
  },
  call({ adapter, creds, request, signal, readyToSend, onSent }) {
    if (!adapter.generateImage) throw new WalletError(ErrorCode.unsupported, messages.unsupportedFeature(creds.label, 'image generation'));
    return adapter.generateImage(creds, request, { readyToSend, onSent }, signal);
  },
  count: (outcome, bound) => {
    const made = Math.min(outcome.images.length, bound.units?.images ?? outcome.images.length);
    // Fewer images than asked: the wallet's own count charges those made.
    const b = made === bound.units?.images ? bound : { ...bound, estimate: bound.estimate && { ...bound.estimate, units: { images: made } } };
    return countMedia(b, outcome.usage, { images: made });
  },
  cutShort: cutShortMedia,
  result: (outcome, { model, provider, units, costUsd }) => ({
    images: outcome.images,
    model: outcome.model || model,
    provider,
    usage: { images: units?.images ?? outcome.images.length },
    costUsd,
  }),
};

export const runGenerateImage = (deps: PipelineDeps, call: RequestCall<GenerateImageRequest>): Promise<GenerateImageResult> => runRequest(deps, images, call);
