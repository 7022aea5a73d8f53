/**
 * A `LanguageModel` shaped like the Prompt API (https://webmachinelearning.github.io/prompt-api/,
 * Chrome's built-in AI), answered by the byok wallet: `availability()`, `params()`, `create()`
 * and sessions with `prompt()`, `promptStreaming()` (a stream of deltas), `append()`,
 * `clone()`, `destroy()`, keeping the conversation like Chrome does.
 */
import { ensureGrant } from './connect.js';
import { getByok } from './discover.js';
import { asByokError } from './errors.js';
import * as msg from './messages.js';
import type { ByokProvider, ChatMessage, ChatRequest, Content, Part } from './types.js';

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';
export type LanguageModelMessageRole = 'system' | 'user' | 'assistant';
export type LanguageModelMessageType = 'text' | 'image' | 'audio';

export interface LanguageModelMessageContent {
  type: LanguageModelMessageType;
  /** Text for `text`; for `image` an https:/data: URL (string or `URL`) or a `Blob`. */
  value: unknown;
}

export interface LanguageModelMessage {
  role: LanguageModelMessageRole;
  content: string | LanguageModelMessageContent[];
  /** On the last, assistant message: the reply continues it. */
  prefix?: boolean;
}

export type LanguageModelPrompt = string | LanguageModelMessage[];

export interface LanguageModelExpected {
  type: LanguageModelMessageType;
  languages?: string[];
}

export interface LanguageModelCreateCoreOptions {
  /** Accepted and reported back; byok has no top-K, so it has no effect. */
  topK?: number;
  /** 0..2; without it the provider's default. */
  temperature?: number;
  expectedInputs?: LanguageModelExpected[];
  expectedOutputs?: LanguageModelExpected[];
  /** byok: the provider to use (default: found by discovery). */
  byok?: ByokProvider;
  /** byok: how long discovery waits, in ms (default 1000). */
  timeoutMs?: number;
}

export interface LanguageModelCreateOptions extends LanguageModelCreateCoreOptions {
  signal?: AbortSignal;
  /** Called at once with a target that fires `downloadprogress` (byok: once, with loaded 1). */
  monitor?: (monitor: EventTarget) => void;
  /** The conversation so far; a `system` message may only come first. */
  initialPrompts?: LanguageModelMessage[];
  /** byok: the model id (default: the site's default model). */
  model?: string;
  /** byok: the most tokens a reply may have. */
  maxTokens?: number;
}

export interface LanguageModelPromptOptions {
  signal?: AbortSignal;
  /** A JSON Schema the reply must follow (the reply is JSON text). */
  responseConstraint?: Record<string, unknown> | RegExp;
  /** Accepted; byok never adds the constraint to the prompt. */
  omitResponseConstraintInput?: boolean;
}

export interface LanguageModelSignalOptions {
  signal?: AbortSignal;
}

export interface LanguageModelParams {
  defaultTopK: number;
  maxTopK: number;
  defaultTemperature: number;
  maxTemperature: number;
}

interface Settings {
  byok: ByokProvider;
  model?: string;
  maxTokens?: number;
  temperature?: number;
  topK?: number;
}

const PARAMS: LanguageModelParams = { defaultTopK: 3, maxTopK: 128, defaultTemperature: 1, maxTemperature: 2 };

const domError = (name: string, message: string) => new DOMException(message, name);
const abortError = () => domError('AbortError', msg.aborted());
const reasonOf = (signal: AbortSignal) => signal.reason ?? abortError();

const provider = (o: LanguageModelCreateCoreOptions) => (o.byok ? Promise.resolve(o.byok) : getByok({ timeoutMs: o.timeoutMs }));

const supported = (o: LanguageModelCreateCoreOptions) =>
  !(o.expectedInputs ?? []).some((e) => e.type === 'audio') && (o.expectedOutputs ?? []).every((e) => e.type === 'text');

/** A signal that aborts when any of `signals` does, and a function that stops listening. */
function anySignal(...signals: (AbortSignal | undefined)[]): [AbortSignal, () => void] {
  const ac = new AbortController();
  const offs: (() => void)[] = [];
  for (const s of signals) {
    if (!s) continue;
    if (s.aborted) ac.abort(reasonOf(s));
    const on = () => ac.abort(reasonOf(s));
    s.addEventListener('abort', on, { once: true });
    offs.push(() => s.removeEventListener('abort', on));
  }
  return [ac.signal, () => offs.forEach((off) => off())];
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function imageUrl(v: unknown): Promise<string> {
  if (typeof v === 'string') return v;
  if (v instanceof URL) return v.href;
  if (typeof Blob !== 'undefined' && v instanceof Blob) return `data:${v.type || 'image/png'};base64,${toBase64(new Uint8Array(await v.arrayBuffer()))}`;
  throw domError('NotSupportedError', msg.unsupportedImage());
}

async function toContent(c: unknown): Promise<Content> {
  if (typeof c === 'string') return c;
  if (!Array.isArray(c)) throw new TypeError(msg.badMessage());
  const parts: Part[] = [];
  for (const p of c as LanguageModelMessageContent[]) {
    if (p?.type === 'text' && typeof p.value === 'string') parts.push({ type: 'text', text: p.value });
    else if (p?.type === 'image') parts.push({ type: 'image', url: await imageUrl(p.value) });
    else if (p?.type === 'text') throw new TypeError(msg.badMessage());
    else throw domError('NotSupportedError', msg.unsupportedInput(p?.type));
  }
  return parts.length === 1 && parts[0]?.type === 'text' ? parts[0].text : parts;
}

/** Prompt API messages as byok messages; `initial` allows a leading system message. */
async function toMessages(input: LanguageModelPrompt | LanguageModelMessage, initial: boolean): Promise<{ messages: ChatMessage[]; prefix: boolean }> {
  if (typeof input === 'string') return { messages: [{ role: 'user', content: input }], prefix: false };
  const list = Array.isArray(input) ? input : [input];
  const messages: ChatMessage[] = [];
  let prefix = false;
  for (const [i, m] of list.entries()) {
    if (!m || typeof m !== 'object') throw new TypeError(msg.badMessage());
    if (m.role === 'system' && !initial) throw domError('NotSupportedError', msg.systemInPrompt());
    if (m.role === 'system' && i !== 0) throw new TypeError(msg.noSystemAfterFirst());
    if (m.role !== 'system' && m.role !== 'user' && m.role !== 'assistant') throw new TypeError(msg.badRole(m.role));
    if (m.prefix) {
      if (m.role !== 'assistant' || i !== list.length - 1) throw domError('SyntaxError', msg.prefixNotLast());
      prefix = true;
    }
    messages.push({ role: m.role, content: await toContent(m.content) });
  }
  return { messages, prefix };
}

const textOf = (c: Content | null) => (typeof c === 'string' ? c : (c ?? []).map((p) => (p.type === 'text' ? p.text : '')).join(''));

/** A rough token count (4 characters a token), where the provider has not counted yet. */
const estimate = (messages: ChatMessage[]) => Math.ceil(messages.reduce((n, m) => n + textOf(m.content).length, 0) / 4);

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
