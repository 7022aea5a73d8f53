/**
 * `window.byok`'s argument checks (docs/API.md, "The page API"): a bad argument rejects the
 * returned promise with -32602 naming it, before anything is sent; good ones reach the transport
 * as given, with only the options the method takes.
 */
import { describe, expect, it } from 'vitest';
import { createProvider } from './provider';
import type { Transport } from './transport';
import type { PageEvent } from '../protocol/wire';

function recorded() {
  const calls: { method: string; params: unknown; options: unknown }[] = [];
  let subscribed = 0;
  const transport: Transport = {
    request: (method, params, options) => (calls.push({ method, params, options }), Promise.resolve('ok')),
    subscribe: () => void subscribed++,
  };
  const listeners = new Map<PageEvent, Set<(data: unknown) => void>>([
    ['lock', new Set()],
    ['unlock', new Set()],
    ['grantChanged', new Set()],
  ]);
  return { byok: createProvider(transport, listeners), calls, listeners, subscribed: () => subscribed };
}

type Method = (...args: unknown[]) => Promise<unknown>;

describe('the page API refuses bad arguments with -32602, sending nothing', () => {
  it.each([
    ['connect', ['x'], 'req: expected an object'],
    ['connect', [null], 'req: expected an object'],
    ['embed', [undefined], 'req: expected an object'],
    ['embed', [[1]], 'req: expected an object'],
    ['chat', [null], 'req: expected an object'],
    ['chat', [{ messages: 'hi' }], 'req.messages: expected an array'],
    ['chat', [{ messages: [] }, 3], 'opts: expected an object'],
    ['chat', [{ messages: [] }, { onDelta: 'f' }], 'opts.onDelta: expected a function'],
    ['chat', [{ messages: [] }, { signal: {} }], 'opts.signal: expected an AbortSignal'],
    ['speak', [{ text: 'hi' }, []], 'opts: expected an object'],
    ['transcribe', [{ audio: new Blob(['x']) }, { onDelta: 'f' }], 'opts.onDelta: this method does not stream'],
  ] as const)('%s(%j)', async (method, args, problem) => {
    const { byok, calls } = recorded();
    const result = (byok[method] as Method)(...args);
    expect(result).toBeInstanceOf(Promise);
    await expect(result).rejects.toMatchObject({ name: 'ByokError', code: -32602, message: `Invalid request: ${problem}` });
    expect(calls).toEqual([]);
  });

  it('on and off throw at once for an unknown event or a listener that is no function', () => {
    const { byok } = recorded();
    expect(() => byok.on('change', () => undefined)).toThrow('Invalid request: event: expected one of lock, unlock, grantChanged');
    expect(() => byok.off('lock', 'f')).toThrow('Invalid request: listener: expected a function');
  });
});

describe('the page API sends good calls as given', () => {
  it('passes params and the options each method takes', async () => {
    const { byok, calls } = recorded();
    const signal = new AbortController().signal;
    const onDelta = () => undefined;
    const chat = { messages: [{ role: 'user', content: 'hi' }] };
    await byok.connect();
    await byok.connect({ scopes: ['chat'] });
    await byok.getGrant();
    await byok.embed({ input: 'x' });
    await byok.chat(chat, { signal, onDelta });
    await byok.chat(chat);
    await byok.speak({ text: 'hi' }, { signal });
    expect(calls.map(({ method, params }) => [method, params])).toEqual([
      ['connect', undefined],
      ['connect', { scopes: ['chat'] }],
      ['getGrant', undefined],
      ['embed', { input: 'x' }],
      ['chat', chat],
      ['chat', chat],
      ['speak', { text: 'hi' }],
    ]);
    expect(calls[4]!.options).toEqual({ signal, onDelta });
    expect(calls[5]!.options).toEqual({});
    expect(calls[6]!.options).toEqual({ signal, onDelta: undefined });
  });

  it('adds and removes listeners; adding subscribes', () => {
    const { byok, listeners, subscribed } = recorded();
    const fn = () => undefined;
    byok.on('grantChanged', fn);
    expect(listeners.get('grantChanged')!.has(fn)).toBe(true);
    expect(subscribed()).toBe(1);
    byok.off('grantChanged', fn);
    expect(listeners.get('grantChanged')!.has(fn)).toBe(false);
    expect(Object.isFrozen(byok)).toBe(true);
  });
});
