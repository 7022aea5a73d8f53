/**
 * Prices the person set, per provider key and model: chat and embedding models in USD per million
 * tokens; a media model in its own unit (the token fields 0 then).
 */
export const pricesV1 = '[keyId+model], keyId';

export interface PriceOverride {
  keyId: string;
  model: string;
  inputPerM: number;
  outputPerM: number;
  /** Speech: USD per million characters of text. */
  perMChars?: number;
  /** Transcription: USD per minute of audio. */
  perMinute?: number;
  /** Images: USD per image, whatever its size and quality (a plan's flat rate). */
  perImage?: number;
}
