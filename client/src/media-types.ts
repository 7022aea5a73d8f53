/**
 * The media methods' types (`speak`, `transcribe`, `generateImage`, docs/API.md): the requests and
 * results an app builder programs against. Types only; nothing here runs.
 */

/** Audio formats a speech request may ask for (the wallet refuses others, e.g. `pcm`, with -32602). */
export type SpeechFormat = 'mp3' | 'wav' | 'opus' | 'aac' | 'flac';

/** Text to speech. */
export interface SpeakRequest {
  /** At most 40 000 characters (a provider's own cap may be lower: OpenAI's is 4 096). */
  text: string;
  voice?: string;
  /** Without it, the site's default speech model is used. */
  model?: string;
  format?: SpeechFormat;
  /** How to speak (tone, pace), for models that take it. */
  instructions?: string;
  /** 0.25 to 4. */
  speed?: number;
}

export interface SpeakResult {
  /** The audio; its `type` is the MIME type (`audio/mpeg`, `audio/wav`, ...). */
  audio: Blob;
  model: string;
  provider: string;
  usage: { characters: number };
  costUsd: number;
}

/** How a transcript comes back: `json` (the text) or the provider's own body for the others. */
export type TranscriptFormat = 'json' | 'text' | 'srt' | 'verbose_json' | 'vtt';

/** Speech to text. */
export interface TranscribeRequest {
  /** At most 25 MB; the wallet measures its duration from the bytes (WAV, MP3, M4A, OGG, FLAC, WebM). */
  audio: Blob;
  /** The audio's MIME type when the Blob has none (default: the Blob's `type`); the wallet checks it against the bytes. */
  audioType?: string;
  model?: string;
  /** ISO-639-1, e.g. `en`. */
  language?: string;
  prompt?: string;
  responseFormat?: TranscriptFormat;
  /** 0 to 1. */
  temperature?: number;
}

export interface TranscribeResult {
  text: string;
  model: string;
  provider: string;
  usage: { seconds: number };
  costUsd: number;
  /** The provider's body for `text`, `srt`, `vtt` and `verbose_json` (JSON text). */
  body?: string;
  language?: string;
}

export type ImageSize = '256x256' | '512x512' | '1024x1024' | '1792x1024' | '1024x1792' | '1536x1024' | '1024x1536' | 'auto';
export type ImageQuality = 'standard' | 'hd' | 'low' | 'medium' | 'high' | 'auto';

/** Image generation. */
export interface GenerateImageRequest {
  /** At most 32 000 characters. */
  prompt: string;
  /** 1 to 10 (a model may take fewer: dall-e-3 makes one). */
  n?: number;
  size?: ImageSize;
  quality?: ImageQuality;
  model?: string;
  style?: 'vivid' | 'natural';
  background?: 'transparent' | 'opaque' | 'auto';
  outputFormat?: 'png' | 'jpeg' | 'webp';
}

export interface GeneratedImage {
  /** The image; its `type` is the MIME type (`image/png`, ...). */
  blob: Blob;
  /** The prompt the model actually used, when it rewrote it (dall-e-3). */
  revisedPrompt?: string;
}

export interface GenerateImageResult {
  images: GeneratedImage[];
  model: string;
  provider: string;
  usage: { images: number };
  costUsd: number;
}

/** The options of the media methods: aborting stops the provider call (and the upload). */
export interface MediaOptions {
  signal?: AbortSignal;
}
