/**
 * An in-memory `window.byok` for tests: the page API of the contract (docs/API.md, "The page API") with the
 * wallet's own request schema (lib/protocol/chat.ts), streamed deltas, aborts, usage and cost,
 * tool calls, and any error code on demand. Not shipped (build.mjs leaves test-* files out).
 */
import { ChatRequest as ChatRequestSchema, EmbedRequest as EmbedRequestSchema } from '../../lib/protocol/chat';
import { parseOrThrow } from '../../lib/protocol/validate';
import type { ByokEvent, ByokEventMap, ByokProvider, ChatOptions, ChatRequest, ChatResult, ConnectRequest, EmbedRequest, EmbedResult, FinishReason, Grant, ModelInfo, ProviderInfo, ToolCall } from './types.js';

/** What the fake answers a chat with. */
export interface FakeReply {
  /** Streamed one delta per chunk; default: the words of a canned answer. */
  chunks?: string[];
  toolCalls?: ToolCall[];
  finishReason?: FinishReason;
  /** Default: the request's model, else the grant's first. */
  model?: string;
}

/** An error the next call rejects with; `afterChunks` lets a chat stream that many first. */
export interface FakeFailure {
  code: number;
  message?: string;
  data?: Record<string, unknown>;
  afterChunks?: number;
  /** Which method fails (default any of chat / embed / models / connect). */
  method?: 'chat' | 'embed' | 'models' | 'connect';
}

export interface FakeOptions {
  models?: ModelInfo[];
  reply?: (req: ChatRequest) => FakeReply;
  /** Milliseconds between deltas (default 1). */
  delayMs?: number;
  /** The grant the site starts with (default none). */
  grant?: Grant | null;
  /** The user rejects every approval. */
  rejectConnect?: boolean;
  info?: Partial<ProviderInfo>;
}

export const FAKE_MODELS: ModelInfo[] = [
  { id: 'gpt-4o-mini', provider: 'openai', label: 'GPT-4o mini' },
  { id: 'claude-sonnet-4-5', provider: 'anthropic', label: 'Claude Sonnet 4.5' },
  { id: 'text-embedding-3-small', provider: 'openai', label: 'Embeddings small' },
];

export const CANNED = ['Hello', ' from', ' the', ' fake', ' wallet', '.'];

const codedError = (code: number, message: string, data?: Record<string, unknown>) => Object.assign(new Error(message), data ? { code, data } : { code });
const abortError = () => new DOMException('The request was aborted', 'AbortError');

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(abortError());
    }, { once: true });
  });
}

/** Rough tokens: 4 characters each. */
const tokens = (v: unknown) => Math.max(1, Math.ceil(JSON.stringify(v).length / 4));

export class FakeByok implements ByokProvider {
  grant: Grant | null;
  readonly models_: ModelInfo[];
  readonly info: ProviderInfo;
  /** Every call, in order. */
  readonly calls: { method: string; args: unknown[] }[] = [];
  /** The validated chat requests, in order. */
  readonly chatRequests: ChatRequest[] = [];
  aborts = 0;
  delayMs: number;
  rejectConnect: boolean;
  reply: (req: ChatRequest) => FakeReply;
  #fail: FakeFailure | undefined;
  #listeners = new Map<string, Set<(...a: unknown[]) => void>>();

  constructor(opts: FakeOptions = {}) {
    this.models_ = opts.models ?? FAKE_MODELS;
    this.grant = opts.grant ?? null;
    this.delayMs = opts.delayMs ?? 1;
    this.rejectConnect = opts.rejectConnect ?? false;
    this.reply = opts.reply ?? (() => ({}));
    this.info = { uuid: 'fake-uuid-1', name: 'byok (fake)', icon: 'data:image/svg+xml,<svg/>', rdns: 'dev.byok.fake', ...opts.info };
  }

  /** The next matching call rejects with this error. */
  failNext(f: FakeFailure): this {
    this.#fail = f;
    return this;
  }

  /** A grant for every model and scope, as if approved earlier. */
  grantAll(): this {
    this.grant = this.#newGrant({});
    return this;
  }

  #takeFailure(method: FakeFailure['method']): FakeFailure | undefined {
    const f = this.#fail;
    if (!f || (f.method && f.method !== method)) return undefined;
    this.#fail = undefined;
    return f;
  }

  #throwIfFailing(method: FakeFailure['method']) {
    const f = this.#fail && (this.#fail.afterChunks ?? 0) === 0 ? this.#takeFailure(method) : undefined;
    if (f) throw codedError(f.code, f.message ?? `fake error ${f.code}`, f.data);
  }

  #newGrant(req: ConnectRequest): Grant {
    return {
      origin: 'https://app.example',
      scopes: req.scopes ?? ['chat', 'models', 'embed'],
      models: req.models ?? this.models_.map((m) => m.id),
      budget: req.budget ?? { usd: 1, period: 'month' },
      spentUsd: 0,
      createdAt: Date.now(),
    };
  }

  #authorize(scope: 'chat' | 'models' | 'embed', model?: string): string {
    if (!this.grant) throw codedError(4100, 'https://app.example is not connected: call connect() first');
    if (!this.grant.scopes.includes(scope)) throw codedError(4100, `The scope '${scope}' is not granted to this site`);
    if (model && !this.grant.models.includes(model)) throw codedError(4100, `The model '${model}' is not granted to this site`);
    return model ?? this.grant.models[0] ?? 'none';
  }

  async connect(req: ConnectRequest = {}): Promise<Grant> {
    this.calls.push({ method: 'connect', args: [req] });
    this.#throwIfFailing('connect');
    const covered = this.grant && (req.scopes ?? []).every((s) => this.grant?.scopes.includes(s)) && (req.models ?? []).every((m) => this.grant?.models.includes(m));
    if (covered && this.grant) return this.grant;
    if (this.rejectConnect) throw codedError(4001, 'The user rejected the request');
    this.grant = this.#newGrant(req);
    this.#emit('grantChanged', this.grant);
    return this.grant;
  }

  async getGrant(): Promise<Grant | null> {
    this.calls.push({ method: 'getGrant', args: [] });
    return this.grant;
  }

  async disconnect(): Promise<void> {
    this.calls.push({ method: 'disconnect', args: [] });
    this.grant = null;
    this.#emit('grantChanged', null);
  }

  async models(): Promise<ModelInfo[]> {
    this.calls.push({ method: 'models', args: [] });
    this.#throwIfFailing('models');
    this.#authorize('models');
    return this.models_.filter((m) => this.grant?.models.includes(m.id));
  }

  async embed(raw: EmbedRequest): Promise<EmbedResult> {
    this.calls.push({ method: 'embed', args: [raw] });
    const req = parseOrThrow(EmbedRequestSchema, raw, 'params');
    this.#throwIfFailing('embed');
    const model = this.#authorize('embed', req.model);
    const inputs = typeof req.input === 'string' ? [req.input] : req.input;
    const vectors = inputs.map((s) => [s.length, s.charCodeAt(0) / 100, 0.5, -0.25]);
    return { vectors, model, usage: { inputTokens: tokens(inputs) }, costUsd: 0.000001 };
  }

  async chat(raw: ChatRequest, opts: ChatOptions = {}): Promise<ChatResult> {
    this.calls.push({ method: 'chat', args: [raw] });
    const req = parseOrThrow(ChatRequestSchema, raw, 'params') as ChatRequest;
    this.chatRequests.push(req);
    const { signal, onDelta } = opts;
    const onAbort = () => this.aborts++;
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      if (signal?.aborted) throw abortError();
      this.#throwIfFailing('chat');
      const model = this.#authorize('chat', req.model);
      const reply = this.reply(req);
      const chunks = reply.chunks ?? (reply.toolCalls ? [] : CANNED);
      const failure = this.#fail?.afterChunks ? this.#takeFailure('chat') : undefined;
      let text = '';
      for (const [i, chunk] of chunks.entries()) {
        if (failure && i === failure.afterChunks) throw codedError(failure.code, failure.message ?? `fake error ${failure.code}`, failure.data);
        await sleep(this.delayMs, signal);
        text += chunk;
        onDelta?.(chunk);
      }
      await sleep(0, signal);
      const usage = { inputTokens: tokens(req.messages), outputTokens: chunks.length + (reply.toolCalls?.length ?? 0) * 5 };
      const costUsd = (usage.inputTokens * 0.15 + usage.outputTokens * 0.6) / 1e6;
      if (this.grant) this.grant = { ...this.grant, spentUsd: this.grant.spentUsd + costUsd };
      const result: ChatResult = { text, model: reply.model ?? model, provider: 'openai', usage, costUsd, finishReason: reply.finishReason ?? (reply.toolCalls ? 'tool_calls' : 'stop') };
      if (reply.toolCalls) result.toolCalls = reply.toolCalls;
      return result;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  on<E extends ByokEvent>(event: E, fn: ByokEventMap[E]): void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(fn as (...a: unknown[]) => void);
    this.#listeners.set(event, set);
  }

  off<E extends ByokEvent>(event: E, fn: ByokEventMap[E]): void {
    this.#listeners.get(event)?.delete(fn as (...a: unknown[]) => void);
  }

  #emit(event: ByokEvent, ...args: unknown[]) {
    for (const fn of this.#listeners.get(event) ?? []) fn(...args);
  }

  /** Answers `byok:requestProvider` on `target` with an announce, like the wallet's main-world script. */
  announceOn(target: EventTarget): () => void {
    const announce = () => target.dispatchEvent(new CustomEvent('byok:announceProvider', { detail: Object.freeze({ info: this.info, provider: this }) }));
    target.addEventListener('byok:requestProvider', announce);
    return () => target.removeEventListener('byok:requestProvider', announce);
  }
}

/** A stand-in for the page's `window` in Node: an EventTarget that may hold `byok`. */
export type FakeWindow = EventTarget & { byok?: unknown };

export const fakeWindow = (): FakeWindow => new EventTarget();
