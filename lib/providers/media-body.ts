/** What the media adapters share: reading a binary body to its end, base64, the audio types. */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { SpeechFormat } from '../protocol/media';

/** The most audio or image bytes one answer may bring (a runaway server cannot fill memory). */
export const MAX_MEDIA_ANSWER_BYTES = 64 * 1024 * 1024;

/** The MIME type of each speech format (OpenAI's `opus` comes in an Ogg container). */
export const SPEECH_MIME: Readonly<Record<SpeechFormat, string>> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  opus: 'audio/ogg',
  aac: 'audio/aac',
  flac: 'audio/flac',
};

/**
 * Reads `response`'s body to its end, calling `onProgress` for each piece (the call's idle
 * timer). Aborting the request's signal errors the read: the provider's stream stops there.
 */
export async function readBytes(response: Response, label: string, onProgress: () => void): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onProgress();
    total += value.byteLength;
    if (total > MAX_MEDIA_ANSWER_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new WalletError(ErrorCode.provider, messages.providerMalformed(label, `an answer of more than ${MAX_MEDIA_ANSWER_BYTES} bytes`), { kind: 'server', status: null });
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The spoken text of an SRT or WebVTT body: its cues' lines, without numbers and timings. */
export function subtitleText(body: string): string {
  return body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && line !== 'WEBVTT' && !/^\d+$/.test(line) && !line.includes('-->'))
    .join(' ');
}

/** The file extension that names a container to the provider (the upload's file name). */
export function audioFileName(mimeType: string): string {
  const ext: Record<string, string> = {
    'audio/wav': 'wav',
    'audio/mpeg': 'mp3',
    'audio/mp4': 'm4a',
    'audio/ogg': 'ogg',
    'audio/flac': 'flac',
    'audio/webm': 'webm',
  };
  return `audio.${ext[mimeType.split(';')[0]!.trim()] ?? 'bin'}`;
}
