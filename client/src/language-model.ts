/**
 * A `LanguageModel` shaped like the Prompt API (https://webmachinelearning.github.io/prompt-api/,
 * Chrome's built-in AI), answered by the byok wallet: `availability()`, `params()`, `create()`
 * and sessions with `prompt()`, `promptStreaming()` (a stream of deltas), `append()`,
 * `clone()`, `destroy()`, keeping the conversation like Chrome does.
 */
import { ensureGrant } from './connect.js';
import { asByokError } from './errors.js';
import * as msg from './messages.js';
import type { ByokProvider, ChatMessage, ChatRequest } from './types.js';
import { abortError, anySignal, domError, estimate, provider, reasonOf, supported, textOf, toMessages } from './_prompt.js';
import type { Availability, LanguageModelCreateCoreOptions, LanguageModelCreateOptions, LanguageModelParams, LanguageModelPrompt, LanguageModelPromptOptions, LanguageModelSignalOptions } from './language-model-types.js';

export type * from './language-model-types.js';

/** What a session was made with. */
interface Settings {
  byok: ByokProvider;
  model?: string;
  maxTokens?: number;
  temperature?: number;
  topK?: number;
}

const PARAMS: LanguageModelParams = { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };

let creating = false;

/** A Prompt API session answered by the byok wallet. Make one with {@link LanguageModel.create}. */
export class LanguageModel extends EventTarget {
  /** 'available' when a byok wallet is found (and the options ask for text), else 'unavailable'. */
  static async availability(options: LanguageModelCreateCoreOptions = {}): Promise<Availability> {
    if (!supported(options)) return 'unavailable';
    return (await provider(options)) ? 'available' : 'unavailable';
  }

  /** The sampling parameters' defaults and limits, or `null` without a wallet. */
  static async params(options: LanguageModelCreateCoreOptions = {}): Promise<LanguageModelParams | null> {
    return (await provider(options)) ? { ...PARAMS } : null;
  }

  /**
   * A new session. Connects the site to the wallet first when it has no chat grant (the wallet
   * may ask the user). Rejects with `NotSupportedError` without a wallet, with the wallet's
   * `ByokError` when the user refuses, and with the signal's reason when aborted.
   */
  static async create(options: LanguageModelCreateOptions = {}): Promise<LanguageModel> {
    const { signal } = options;
    if (signal?.aborted) throw reasonOf(signal);
    if (!supported(options)) throw domError('NotSupportedError', msg.unavailable());
    const monitor = new EventTarget();
    options.monitor?.(monitor);
    const { messages } = await toMessages(options.initialPrompts ?? [], true);
    const byok = await provider(options);
    if (!byok) throw domError('NotSupportedError', msg.noWallet());
    await ensureGrant(byok, ['chat']);
    if (signal?.aborted) throw reasonOf(signal);
    monitor.dispatchEvent(Object.assign(new Event('downloadprogress'), { loaded: 1, total: 1, lengthComputable: true }));
    const temperature = options.temperature === undefined ? undefined : Math.min(Math.max(options.temperature, 0), PARAMS.maxTemperature);
    creating = true;
    const session = new LanguageModel({ byok, model: options.model, maxTokens: options.maxTokens, temperature, topK: options.topK }, messages);
    signal?.addEventListener('abort', () => session.destroy(reasonOf(signal)), { once: true });
    return session;
  }

  readonly #s: Settings;
  #history: ChatMessage[];
  #queue: Promise<unknown> = Promise.resolve();
  readonly #destroyed = new AbortController();
  #usage: number;
  /** Never fired: byok does not know the model's context window. */
  oncontextoverflow: ((this: LanguageModel, ev: Event) => unknown) | null = null;
  /** @deprecated the old name of `oncontextoverflow`. */
  onquotaoverflow: ((this: LanguageModel, ev: Event) => unknown) | null = null;

  private constructor(settings: Settings, history: ChatMessage[]) {
    super();
    if (!creating) throw new TypeError(msg.illegalConstructor());
    creating = false;
    this.#s = settings;
    this.#history = history;
    this.#usage = estimate(history);
  }

  get topK(): number {
    return this.#s.topK ?? PARAMS.defaultTopK;
  }

  get temperature(): number {
    return this.#s.temperature ?? PARAMS.defaultTemperature;
  }

  /** Tokens in the conversation so far (the provider's count after a prompt, else an estimate). */
  get contextUsage(): number {
    return this.#usage;
  }

  /** Unknown to byok, so `Infinity`. */
  get contextWindow(): number {
    return Infinity;
  }

  /** @deprecated the old name of `contextUsage`. */
  get inputUsage(): number {
    return this.#usage;
  }

  /** @deprecated the old name of `contextWindow`. */
  get inputQuota(): number {
    return Infinity;
  }

  /** Sends `input` after the conversation so far; resolves with the whole reply. */
  prompt(input: LanguageModelPrompt, options: LanguageModelPromptOptions = {}): Promise<string> {
    return this.#prompt(input, options);
  }

  /** Like `prompt()`, as a stream of text deltas. Cancelling the stream aborts the prompt. */
  promptStreaming(input: LanguageModelPrompt, options: LanguageModelPromptOptions = {}): ReadableStream<string> {
    const cancel = new AbortController();
    const [signal, dispose] = anySignal(options.signal, cancel.signal);
    return new ReadableStream<string>({
      start: (c) => {
        const safe = (f: () => void) => {
          try {
            f();
          } catch {
            // The stream was cancelled: nothing more to deliver.
          }
        };
        this.#prompt(input, { ...options, signal }, (t) => safe(() => c.enqueue(t)))
          .then(
            () => safe(() => c.close()),
            (e: unknown) => safe(() => c.error(e)),
          )
          .finally(dispose);
      },
      cancel: (reason) => cancel.abort(reason ?? abortError()),
    });
  }

  /** Adds `input` to the conversation without asking for a reply. */
  append(input: LanguageModelPrompt, options: LanguageModelSignalOptions = {}): Promise<void> {
    return this.#enqueue(options.signal, async () => {
      const { messages } = await toMessages(input, false);
      this.#history.push(...messages);
      this.#usage += estimate(messages);
    });
  }

  /** A new session with this one's conversation and settings (after the prompts queued so far). */
  clone(options: LanguageModelSignalOptions = {}): Promise<LanguageModel> {
    return this.#enqueue(options.signal, async () => {
      creating = true;
      const copy = new LanguageModel({ ...this.#s }, structuredClone(this.#history));
      copy.#usage = this.#usage;
      return copy;
    });
  }

  /** Estimated tokens of `input` (4 characters a token). */
  async measureContextUsage(input: LanguageModelPrompt): Promise<number> {
    return estimate((await toMessages(input, false)).messages);
  }

  /** @deprecated the old name of `measureContextUsage`. */
  measureInputUsage(input: LanguageModelPrompt): Promise<number> {
    return this.measureContextUsage(input);
  }

  /** Ends the session: pending prompts reject (with `reason`, default an `AbortError`); later calls reject. */
  destroy(reason?: unknown): void {
    if (this.#destroyed.signal.aborted) return;
    this.#destroyed.abort(reason ?? abortError());
    this.#history = [];
  }

  /**
   * Runs `task` after the tasks queued before it, with a signal that aborts with `signal` or when
   * the session ends; rejects at once on either.
   */
  #enqueue<T>(signal: AbortSignal | undefined, task: (stop: AbortSignal) => Promise<T>): Promise<T> {
    if (this.#destroyed.signal.aborted) return Promise.reject(domError('InvalidStateError', msg.destroyed()));
    const [stop, dispose] = anySignal(signal, this.#destroyed.signal);
    if (stop.aborted) {
      dispose();
      return Promise.reject(reasonOf(stop));
    }
    const run = this.#queue.then(() => {
      if (stop.aborted) throw reasonOf(stop);
      return task(stop);
    });
    this.#queue = run.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(reasonOf(stop));
      stop.addEventListener('abort', onAbort, { once: true });
      run.then(resolve, reject).finally(() => {
        stop.removeEventListener('abort', onAbort);
        dispose();
      });
    });
  }

  #prompt(input: LanguageModelPrompt, options: LanguageModelPromptOptions, onDelta?: (text: string) => void): Promise<string> {
    const parsed = toMessages(input, false);
    parsed.catch(() => undefined);
    return this.#enqueue(options.signal, async (stop) => {
      const { messages, prefix } = await parsed;
      const rc = options.responseConstraint;
      if (rc instanceof RegExp) throw domError('NotSupportedError', msg.unsupportedConstraint());
      const { byok, model, maxTokens, temperature } = this.#s;
      const req: ChatRequest = { messages: [...this.#history, ...messages] };
      if (model) req.model = model;
      if (maxTokens) req.maxTokens = maxTokens;
      if (temperature !== undefined) req.temperature = temperature;
      if (rc) req.responseFormat = { type: 'json_schema', name: 'response', schema: rc };
      let result;
      try {
        result = await byok.chat(req, { signal: stop, onDelta });
      } catch (e) {
        if (stop.aborted) throw reasonOf(stop);
        throw asByokError(e) ?? e;
      }
      const last = messages.at(-1);
      if (prefix && last) messages[messages.length - 1] = { role: 'assistant', content: textOf(last.content) + result.text };
      else messages.push({ role: 'assistant', content: result.text });
      this.#history.push(...messages);
      this.#usage = result.usage.inputTokens + result.usage.outputTokens;
      return result.text;
    });
  }
}

/**
 * Installs byok's {@link LanguageModel} as `globalThis.LanguageModel` when the browser has none
 * (or always, with `force`). Returns whether it did.
 */
export function installLanguageModel({ force = false }: { force?: boolean } = {}): boolean {
  const g = globalThis as { LanguageModel?: unknown };
  if (g.LanguageModel && !force) return false;
  g.LanguageModel = LanguageModel;
  return true;
}
