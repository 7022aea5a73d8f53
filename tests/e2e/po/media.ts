/**
 * The media test app (tests/e2e/pages/media.html and its script media.js): the audio a test sends
 * is built in the page and what comes back is described there, since a Blob cannot leave it.
 */
import type { Page } from '@playwright/test';
import type { CallError } from './app';

export type CallErrorInfo = CallError['error'];
export interface AudioInfo {
  type: string;
  size: number;
  sha256: string;
  /** What the browser decoded of it; null when it could not. */
  seconds: number | null;
}
export interface ImageInfo {
  type: string;
  size: number;
  width: number | null;
  height: number | null;
  isBlob: boolean;
  revisedPrompt?: string;
}
export type AudioSpec = { wav: number } | { bigWav: number } | { notAudio: number } | { recording: true } | { bytes: 'uint8array' | 'arraybuffer'; wav: number };

export interface Spoken {
  result?: { audio: AudioInfo; isBlob: boolean; model: string; provider: string; usage: { characters: number }; costUsd: number };
  error?: CallErrorInfo;
}
export interface Transcribed {
  sent: { size: number; type: string; sha256: string };
  result?: { text: string; model: string; provider: string; usage: { seconds: number }; costUsd: number };
  error?: CallErrorInfo;
}
export interface Drawn {
  result?: { images: ImageInfo[]; model: string; provider: string; usage: { images: number }; costUsd: number };
  error?: CallErrorInfo;
}

interface Lab {
  speak(request: unknown): Promise<Spoken>;
  startSpeech(request: unknown): void;
  abortSpeech(): number;
  speechOutcome(): { error?: CallErrorInfo; at?: number; result?: { size: number } } | undefined;
  transcribe(spec: AudioSpec, request?: unknown): Promise<Transcribed>;
  generateImage(request: unknown): Promise<Drawn>;
  recorded(): Promise<{ type: string; size: number } | null>;
}

/** The page's window (a type only: the functions passed to `evaluate` run in the page and reach nothing here). */
type LabWindow = { mediaLab: Lab };

export class MediaApp {
  constructor(readonly page: Page) {}

  static async open(page: Page, siteUrl: string): Promise<MediaApp> {
    await page.goto(`${siteUrl}/media.html`);
    await page.waitForFunction(() => 'byok' in window && 'mediaLab' in window);
    return new MediaApp(page);
  }

  speak(request: { text: string; voice?: string; model?: string; format?: string; instructions?: string; speed?: number }): Promise<Spoken> {
    return this.page.evaluate((request) => (window as unknown as LabWindow).mediaLab.speak(request), request);
  }

  /** Starts a speech and returns at once; `abortSpeech()` aborts it, `speechOutcome()` tells how it ended. */
  startSpeech(request: { text: string; model?: string; format?: string }): Promise<void> {
    return this.page.evaluate((request) => (window as unknown as LabWindow).mediaLab.startSpeech(request), request);
  }

  abortSpeech(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as LabWindow).mediaLab.abortSpeech());
  }

  speechOutcome() {
    return this.page.evaluate(() => (window as unknown as LabWindow).mediaLab.speechOutcome());
  }

  transcribe(spec: AudioSpec, request: { model?: string; language?: string; prompt?: string; responseFormat?: string } = {}): Promise<Transcribed> {
    return this.page.evaluate(({ spec, request }) => (window as unknown as LabWindow).mediaLab.transcribe(spec, request), { spec, request });
  }

  generateImage(request: { prompt: string; n?: number; size?: string; quality?: string; model?: string }): Promise<Drawn> {
    return this.page.evaluate((request) => (window as unknown as LabWindow).mediaLab.generateImage(request), request);
  }

  /** Presses Record (a person's gesture, which lets the page's AudioContext run) and waits for the recording. */
  async record(): Promise<{ type: string; size: number }> {
    await this.page.getByRole('button', { name: 'Record a voice note' }).click();
    await this.page.getByRole('status').filter({ hasText: /^Recorded \d+ bytes$/ }).waitFor();
    const recorded = await this.page.evaluate(() => (window as unknown as LabWindow).mediaLab.recorded());
    if (!recorded) throw new Error('no recording');
    return recorded;
  }
}
