/**
 * The params and results of the media methods (`speak`, `transcribe`, `generateImage`), as the
 * worker's handlers receive and return them. Binary data is a `Uint8Array` here: the transport
 * turns a page's Blob / ArrayBuffer / Uint8Array into one before validation, and a result's bytes
 * into a Blob of the named MIME type for the page (lib/background/binary.ts, docs/PROTOCOL.md).
 */
import { z } from 'zod';

/** The providers' own cap on an audio upload (OpenAI's 25 MB): more is refused before anything is sent. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
/** The longest text a speech request may carry (ElevenLabs' largest model; OpenAI's own cap, 4 096, is checked by its adapter). */
export const MAX_SPEECH_CHARS = 40_000;
/** The longest image prompt (gpt-image-1's 32 000 characters). */
export const MAX_IMAGE_PROMPT = 32_000;

const model = z.string().min(1).max(256);

export const SpeechFormat = z.enum(['mp3', 'wav', 'opus', 'aac', 'flac']);
export type SpeechFormat = z.infer<typeof SpeechFormat>;

export const SpeakRequest = z.strictObject({
  text: z.string().min(1).max(MAX_SPEECH_CHARS),
  voice: z.string().min(1).max(128).optional(),
  model: model.optional(),
  format: SpeechFormat.optional(),
  instructions: z.string().max(4_096).optional(),
  speed: z.number().min(0.25).max(4).optional(),
});
export type SpeakRequest = z.infer<typeof SpeakRequest>;

const bytes = (max: number) =>
  z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength > 0, 'is empty')
    .refine((b) => b.byteLength <= max, `is larger than ${max} bytes`);

/** How the transcript comes back: `json` (the text) or the provider's own body for the others. */
export const TranscriptFormat = z.enum(['json', 'text', 'srt', 'verbose_json', 'vtt']);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;

export const TranscribeRequest = z.strictObject({
  audio: bytes(MAX_AUDIO_BYTES),
  /** The MIME type the page gave the audio (a Blob's `type`); checked against the bytes. */
  audioType: z.string().max(128).optional(),
  model: model.optional(),
  language: z.string().min(2).max(16).optional(),
  prompt: z.string().max(4_000).optional(),
  responseFormat: TranscriptFormat.optional(),
  temperature: z.number().min(0).max(1).optional(),
});
export type TranscribeRequest = z.infer<typeof TranscribeRequest>;

export const ImageSize = z.enum(['256x256', '512x512', '1024x1024', '1792x1024', '1024x1792', '1536x1024', '1024x1536', 'auto']);
export const ImageQuality = z.enum(['standard', 'hd', 'low', 'medium', 'high', 'auto']);

export const GenerateImageRequest = z.strictObject({
  prompt: z.string().min(1).max(MAX_IMAGE_PROMPT),
  n: z.int().min(1).max(10).optional(),
  size: ImageSize.optional(),
  quality: ImageQuality.optional(),
  model: model.optional(),
  style: z.enum(['vivid', 'natural']).optional(),
  background: z.enum(['transparent', 'opaque', 'auto']).optional(),
  outputFormat: z.enum(['png', 'jpeg', 'webp']).optional(),
});
export type GenerateImageRequest = z.infer<typeof GenerateImageRequest>;

export interface SpeakResult {
  audio: Uint8Array;
  /** The audio's MIME type (`audio/mpeg`, `audio/wav`, ...): the page's Blob type. */
  mimeType: string;
  model: string;
  provider: string;
  usage: { characters: number };
  costUsd: number;
}

export interface TranscribeResult {
  text: string;
  model: string;
  provider: string;
  usage: { seconds: number };
  costUsd: number;
  /** The provider's body for `text`, `srt`, `vtt` and `verbose_json` (as JSON text). */
  body?: string;
  language?: string;
}

export interface GeneratedImage {
  bytes: Uint8Array;
  mimeType: string;
  revisedPrompt?: string;
}

export interface GenerateImageResult {
  images: GeneratedImage[];
  model: string;
  provider: string;
  usage: { images: number };
  costUsd: number;
}
