/**
 * The `speak` capability: text to speech, bounded by the text. A model billed per character
 * (tts-1, ElevenLabs, PlayAI) costs its characters at the price per million; one billed by tokens
 * (gpt-4o-mini-tts: text in, audio out) is bounded by its text's bytes and an audio-token bound
 * per character (below). The provider reports no usage: settlement charges the metered count.
 */
import type { SpeakRequest, SpeakResult } from '../../protocol/media';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import type { SpeechCall, SpeechOutcome } from '../../providers/types';
import { tokensForChars } from '../../budget/estimate';
import type { Capability } from '../capability';
import type { PipelineDeps } from '../deps';
import { runRequest, type RequestCall } from '../pipeline';
import { countMedia, cutShortMedia, tokenBilled, utf8Bytes } from './media-charge';

/**
 * Audio tokens a character of text may become at normal speed: a bound, about four times what
 * gpt-4o-mini-tts makes of ordinary text (≈1.4 a character, 6 per text token), so a slow voice
 * or instructions to pause still fit. A slower `speed` stretches the audio, and the bound with it.
 */
export const AUDIO_TOKENS_PER_CHAR_BOUND = 6;
/** What it typically makes: the wallet's charge when the provider reports nothing. */
export const AUDIO_TOKENS_PER_CHAR_TYPICAL = 1.4;

const slowdown = (speed: number | undefined) => 1 / Math.min(1, speed ?? 1);

export const speech: Capability<SpeakRequest, SpeechCall, SpeechOutcome, SpeakResult> = {
  kind: 'speech',
  model: (request) => request.model,
  bound(request, model, _limits, price) {
    // UTF-16 code units: never fewer than the characters a provider counts.
    const characters = request.text.length;
    const units = { characters };
    const sent: SpeechCall = {
      model,
      text: request.text,
      voice: request.voice,
      format: request.format ?? 'mp3',
      instructions: request.instructions,
      speed: request.speed,
    };
    if (!tokenBilled(price)) {
      return { sent, upperBound: { inputTokens: 0, outputTokens: 0, units }, inputEstimate: 0, units, estimate: { inputTokens: 0, outputTokens: 0, units } };
    }
    const inputTokens = utf8Bytes(request.text) + utf8Bytes(request.instructions) + 16;
    const outputTokens = Math.ceil(characters * AUDIO_TOKENS_PER_CHAR_BOUND * slowdown(request.speed));
    const inputEstimate = tokensForChars(characters + (request.instructions?.length ?? 0));
    const typical = Math.min(outputTokens, Math.ceil(characters * AUDIO_TOKENS_PER_CHAR_TYPICAL * slowdown(request.speed)));
    return { sent, upperBound: { inputTokens, outputTokens, units }, inputEstimate, units, estimate: { inputTokens: inputEstimate, outputTokens: typical, units } };
  },
  call({ adapter, creds, request, signal, readyToSend, onSent }) {
    if (!adapter.speak) throw new WalletError(ErrorCode.unsupported, messages.unsupportedFeature(creds.label, 'text to speech'));
    return adapter.speak(creds, request, { readyToSend, onSent }, signal);
  },
  count: (_outcome, bound) => countMedia(bound, null, bound.units ?? {}),
  cutShort: cutShortMedia,
  result: (outcome, { model, provider, units, costUsd }) => ({
    audio: outcome.audio,
    mimeType: outcome.mimeType,
    model: outcome.model || model,
    provider,
    usage: { characters: units?.characters ?? 0 },
    costUsd,
  }),
};

export const runSpeak = (deps: PipelineDeps, call: RequestCall<SpeakRequest>): Promise<SpeakResult> => runRequest(deps, speech, call);
