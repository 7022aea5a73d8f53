/**
 * `window.byok` (docs/API.md, "The page API"). Checks the shape of each call before sending anything;
 * the wallet validates everything again. The object is frozen.
 */
import type { PageEvent } from '../protocol/wire';
import { invalid, isObject } from './errors';
import type { Transport } from './transport';
import { transcribeParams } from './media';

type Listener = (data: unknown) => void;
type Req = Record<string, unknown>;
const EVENTS: readonly PageEvent[] = ['lock', 'unlock', 'grantChanged'];

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ChatOptions {
  signal?: AbortSignal;
  onDelta?: (text: string) => void;
}

/** `req`, which must be an object (`name` is what the error calls it). */
const object = (req: unknown, name = 'req'): Req => {
  if (!isObject(req)) throw invalid(name, 'expected an object');
  return req;
};

/** `req`, whose `field` must be a string. */
const withString = (field: string) => (req: Req): Req => {
  if (typeof req[field] !== 'string') throw invalid(`req.${field}`, 'expected a string');
  return req;
};

/** A call's options, each read once; `onDelta` only for a method that streams. */
const options = (opts: unknown, streams?: boolean): ChatOptions => {
  if (opts === undefined) return {};
  const { signal, onDelta } = object(opts, 'opts');
  if (onDelta !== undefined && !streams) throw invalid('opts.onDelta', 'this method does not stream');
  if (onDelta !== undefined && typeof onDelta !== 'function') throw invalid('opts.onDelta', 'expected a function');
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw invalid('opts.signal', 'expected an AbortSignal');
  return { signal, onDelta } as ChatOptions;
};

export function createProvider(transport: Transport, listeners: Map<PageEvent, Set<Listener>>) {
  const checkEvent = (event: unknown, fn: unknown): PageEvent => {
    if (!EVENTS.includes(event as PageEvent)) throw invalid('event', `expected one of ${EVENTS.join(', ')}`);
    if (typeof fn !== 'function') throw invalid('listener', 'expected a function');
    return event as PageEvent;
  };
  const call = (method: string, params?: unknown, opts?: ChatOptions) => transport.request(method, params, opts);
  // The methods that check their arguments are async, so that a bad one rejects the returned promise rather than throwing.
  /** A media method (docs/API.md, "Speech, transcription, images"): `req` checked and shaped by `shape`; only a `signal` in `opts`. */
  const media = (method: string, shape: (req: Req) => Req) => async (req: unknown, opts?: unknown) => call(method, shape(object(req)), options(opts));

  return Object.freeze({
    isByok: true,
    connect: async (req?: unknown) => call('connect', req === undefined ? req : object(req)),
    getGrant: () => call('getGrant'),
    disconnect: () => call('disconnect'),
    models: () => call('models'),
    embed: async (req: unknown) => call('embed', object(req)),
    chat: async (req: unknown, opts?: unknown) => {
      if (!Array.isArray(object(req).messages)) throw invalid('req.messages', 'expected an array');
      return call('chat', req, options(opts, true));
    },
    speak: media('speak', withString('text')),
    transcribe: media('transcribe', transcribeParams),
    generateImage: media('generateImage', withString('prompt')),
    on(event: unknown, fn: unknown) {
      const name = checkEvent(event, fn);
      listeners.get(name)?.add(fn as Listener);
      transport.subscribe();
    },
    off(event: unknown, fn: unknown) {
      listeners.get(checkEvent(event, fn))?.delete(fn as Listener);
    },
  });
}
