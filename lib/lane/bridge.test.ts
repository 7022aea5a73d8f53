/** The bridge frame hands on only what its own parent posts, with the origin the browser reports. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBridge } from './bridge';

const APP = 'https://app.example';
const open: MessagePort[] = [];
afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

function bridgeIn(ancestorOrigins: string[] | undefined, framed = true) {
  let listener: ((event: MessageEvent) => void) | undefined;
  const parent = {};
  const win = {
    location: { ancestorOrigins },
    addEventListener: (_type: string, f: (event: MessageEvent) => void) => (listener = f),
  } as unknown as { parent: unknown };
  win.parent = framed ? parent : win;
  const handed = vi.fn();
  startBridge(win as unknown as Window, handed);
  const post = (data: unknown, origin: string, source: unknown = parent) => {
    const { port1, port2 } = new MessageChannel();
    open.push(port1, port2);
    const closed = vi.spyOn(port2, 'close');
    listener!({ data, origin, source, ports: [port2] } as unknown as MessageEvent);
    return { port: port2, closed };
  };
  return { post, handed, parent };
}

describe('the bridge frame', () => {
  it("hands its parent's lane to the worker with the parent's origin", () => {
    const { post, handed } = bridgeIn([APP]);
    const { port, closed } = post({ lane: 'token' }, APP);
    expect(handed.mock.calls).toHaveLength(1);
    expect(handed.mock.calls[0]![0]).toEqual({ lane: 'token', origin: APP });
    expect(handed.mock.calls[0]![1]).toBe(port);
    expect(closed).not.toHaveBeenCalled();
  });

  it.each<[string, ReturnType<typeof bridgeIn>, Parameters<ReturnType<typeof bridgeIn>['post']>]>([
    ['a window that is not its parent (a frame of another page reaching in)', bridgeIn([APP]), [{ lane: 'token' }, APP, {}]],
    ['a post whose origin is not its parent’s', bridgeIn([APP]), [{ lane: 'token' }, 'https://evil.example']],
    ['a frame with no ancestor origins (not Chromium)', bridgeIn(undefined), [{ lane: 'token' }, APP]],
    ['a message with no token', bridgeIn([APP]), [{ origin: APP }, APP]],
  ])('refuses %s, closing the port', (_what, bridge, args) => {
    const { closed } = bridge.post(...args);
    expect(bridge.handed).not.toHaveBeenCalled();
    expect(closed).toHaveBeenCalled();
  });

  it('refuses everything when it is not framed', () => {
    const { post, handed } = bridgeIn([APP], false);
    post({ lane: 'token' }, APP);
    expect(handed).not.toHaveBeenCalled();
  });
});
