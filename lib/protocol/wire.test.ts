/** The page ↔ content script events: what a listener takes from one, and what it ignores. */
import { describe, expect, it } from 'vitest';
import { TO_PAGE, dispatchWire, wireMessage } from './wire';

const event = (detail: unknown) => new CustomEvent(TO_PAGE, { detail });

describe('wire events', () => {
  it('carry a message as JSON, heard in the same task', () => {
    const target = new EventTarget() as unknown as Window;
    const heard: unknown[] = [];
    target.addEventListener(TO_PAGE, (e) => void heard.push(wireMessage(e)));
    dispatchWire(target, TO_PAGE, { t: 'delta', id: 3, text: 'Hi' });
    expect(heard).toEqual([{ t: 'delta', id: 3, text: 'Hi' }]);
  });

  it('yield a fresh object parsed by the receiver, not the sender\'s', () => {
    const sent = { t: 'delta', id: 1, text: 'x' };
    const target = new EventTarget() as unknown as Window;
    let got: unknown;
    target.addEventListener(TO_PAGE, (e) => void (got = wireMessage(e)));
    dispatchWire(target, TO_PAGE, sent as never);
    expect(got).toEqual(sent);
    expect(got).not.toBe(sent);
  });

  it.each([
    ['no detail', undefined],
    ['an object detail (not JSON)', { t: 'res', id: 1 }],
    ['a detail that is not JSON', '{t:'],
    ['JSON that is not an object', '"res"'],
    ['null', 'null'],
    ['an object without a string t', '{"t":1,"id":2}'],
    ['an array', '["res"]'],
  ])('ignore %s', (_, detail) => {
    expect(wireMessage(event(detail))).toBeNull();
  });

  it('ignore an event that is not a CustomEvent', () => {
    expect(wireMessage(new Event(TO_PAGE))).toBeNull();
  });
});
