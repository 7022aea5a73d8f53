/**
 * What the `LanguageModel` (./language-model.ts) needs around a session: Prompt API messages as
 * byok messages, signals, errors shaped as the Prompt API throws them, a rough token count.
 */
import { bytesToBase64 } from './_translate.js';
import { getByok } from './discover.js';
import * as msg from './messages.js';
import type { ChatMessage, Content, Part } from './types.js';
import type { LanguageModelCreateCoreOptions, LanguageModelMessage, LanguageModelMessageContent, LanguageModelPrompt } from './language-model-types.js';

export const domError = (name: string, message: string) => new DOMException(message, name);
export const abortError = () => domError('AbortError', msg.aborted());
export const reasonOf = (signal: AbortSignal) => signal.reason ?? abortError();

export const provider = (o: LanguageModelCreateCoreOptions) => (o.byok ? Promise.resolve(o.byok) : getByok({ timeoutMs: o.timeoutMs }));

export const supported = (o: LanguageModelCreateCoreOptions) =>
  !(o.expectedInputs ?? []).some((e) => e.type === 'audio') && (o.expectedOutputs ?? []).every((e) => e.type === 'text');

/** A signal that aborts when any of `signals` does, and a function that stops listening. */
export function anySignal(...signals: (AbortSignal | undefined)[]): [AbortSignal, () => void] {
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

async function imageUrl(v: unknown): Promise<string> {
  if (typeof v === 'string') return v;
  if (v instanceof URL) return v.href;
  if (typeof Blob !== 'undefined' && v instanceof Blob) return `data:${v.type || 'image/png'};base64,${bytesToBase64(new Uint8Array(await v.arrayBuffer()))}`;
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
export async function toMessages(input: LanguageModelPrompt | LanguageModelMessage, initial: boolean): Promise<{ messages: ChatMessage[]; prefix: boolean }> {
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

export const textOf = (c: Content | null) => (typeof c === 'string' ? c : (c ?? []).map((p) => (p.type === 'text' ? p.text : '')).join(''));

/** A rough token count (4 characters a token), where the provider has not counted yet. */
export const estimate = (messages: ChatMessage[]) => Math.ceil(messages.reduce((n, m) => n + textOf(m.content).length, 0) / 4);
