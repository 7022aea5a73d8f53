/**
 * `window.byok` (docs/API.md, "The page API"). Checks the shape of each call before sending anything;
 * the wallet validates everything again. The object is frozen.
 */
import type { PageEvent } from '../protocol/wire';
import { invalid } from './errors';
import type { Transport } from './transport';
import { imageResult, speakResult, transcribeParams } from './media';

type Listener = (data: unknown) => void;
const EVENTS: readonly PageEvent[] = ['lock', 'unlock', 'grantChanged'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ChatOptions {
  signal?: AbortSignal;
  onDelta?: (text: string) => void;
}

export function createProvider(transport: Transport, listeners: Map<PageEvent, Set<Listener>>) {
  const optional = (name: string, req: unknown) => {
    if (req !== undefined && !isObject(req)) throw invalid(name, 'expected an object');
  };
  const checkOptions = (opts: unknown): ChatOptions => {
    if (opts === undefined) return {};
    if (!isObject(opts)) throw invalid('opts', 'expected an object');
    if (opts.onDelta !== undefined && typeof opts.onDelta !== 'function') throw invalid('opts.onDelta', 'expected a function');
    if (opts.signal !== undefined && !(opts.signal instanceof AbortSignal)) throw invalid('opts.signal', 'expected an AbortSignal');
    return opts as ChatOptions;
  };
  /** The options of a call that does not stream: only its `signal`. */
  const signalOf = (opts: unknown): CallOptions => {
    if (opts !== undefined && isObject(opts) && opts.onDelta !== undefined) throw invalid('opts.onDelta', 'this method does not stream');
    const o = checkOptions(opts);
    return o.signal ? { signal: o.signal } : {};
  };
  const checkEvent = (event: unknown, fn: unknown): PageEvent => {
    if (!EVENTS.includes(event as PageEvent)) throw invalid('event', `expected one of ${EVENTS.join(', ')}`);
    if (typeof fn !== 'function') throw invalid('listener', 'expected a function');
    return event as PageEvent;
  };
  const call = (method: string, params?: unknown, opts?: ChatOptions) => transport.request(method, params, opts);
  const guard = <A extends unknown[]>(fn: (...args: A) => Promise<unknown>) => (...args: A) => {
    try {
      return fn(...args);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return Object.freeze({
    isByok: true,
    connect: guard((req?: unknown) => (optional('req', req), call('connect', req))),
    getGrant: guard(() => call('getGrant')),
    disconnect: guard(() => call('disconnect')),
    models: guard(() => call('models')),
    embed: guard((req: unknown) => {
      if (!isObject(req)) throw invalid('req', 'expected an object');
      return call('embed', req);
    }),
    chat: guard((req: unknown, opts?: unknown) => {
      if (!isObject(req)) throw invalid('req', 'expected an object');
      if (!Array.isArray(req.messages)) throw invalid('req.messages', 'expected an array');
      const o = checkOptions(opts);
      return call('chat', req, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onDelta ? { onDelta: o.onDelta } : {}) });
    }),
    speak: guard((req: unknown, opts?: unknown) => {
      if (!isObject(req)) throw invalid('req', 'expected an object');
      if (typeof req.text !== 'string') throw invalid('req.text', 'expected a string');
      return call('speak', req, signalOf(opts)).then(speakResult);
    }),
    transcribe: guard((req: unknown, opts?: unknown) => {
      if (!isObject(req)) throw invalid('req', 'expected an object');
      const params = transcribeParams(req);
      return call('transcribe', params, signalOf(opts));
    }),
    generateImage: guard((req: unknown, opts?: unknown) => {
      if (!isObject(req)) throw invalid('req', 'expected an object');
      if (typeof req.prompt !== 'string') throw invalid('req.prompt', 'expected a string');
      return call('generateImage', req, signalOf(opts)).then(imageResult);
    }),
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
