/**
 * The content script's part in carrying Blobs (docs/PROTOCOL.md §3.1): it takes them only from
 * its own window's messages, sizes them with their JSON, and in Chromium sends a media request
 * only on the lane, waiting for it; an answer's Blobs go back to the page as a window message.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startRelay } from './relay';
import { BINARY_MESSAGE, TO_PAGE_BINARY, TO_WALLET_BINARY, readEnvelope, type BinaryEnvelope } from '../protocol/binary';
import { LANE_UP, TO_PAGE, type ToPage } from '../protocol/wire';
import { requestLimit, requestTooLarge } from '../protocol/limits';
import { LANE_WAIT_MS } from '../lane/rendezvous';

const NO_LANE = { code: 5000, message: 'The wallet could not open its channel for binary data in this frame' };
const ports: MessagePort[] = [];

/** A page window with the relay started; `lane: false` gives it no document element, so no lane. */
function relayed({ lane = true } = {}) {
  const onPort: unknown[] = [];
  const onLane: unknown[] = [];
  const heard: unknown[] = [];
  const posted: { detail: string; blobs: Blob[] }[] = [];
  let frame: EventTarget | undefined;
  let handed: MessagePort | undefined;
  const document = lane
    ? {
        documentElement: { append: (f: EventTarget) => void (frame = f) },
        createElement: () =>
          Object.assign(new EventTarget(), {
            src: '',
            style: { setProperty: () => undefined },
            remove: () => undefined,
            contentWindow: { postMessage: (_m: unknown, _o: string, [port]: MessagePort[]) => void ports.push((handed = port!)) },
          }),
      }
    : {};
  const win = Object.assign(new EventTarget(), {
    document,
    postMessage(data: unknown) {
      queueMicrotask(() => win.dispatchEvent(Object.assign(new Event('message'), { data, source: win })));
    },
  }) as unknown as Window;
  win.addEventListener(TO_PAGE, (e) => heard.push(JSON.parse((e as CustomEvent<string>).detail)));
  win.addEventListener('message', (e) => {
    const envelope = readEnvelope((e as MessageEvent).data, TO_PAGE_BINARY);
    if (envelope) posted.push(envelope);
  });
  const port = { postMessage: (m: unknown) => onPort.push(m), onMessage: { addListener: () => undefined }, onDisconnect: { addListener: () => undefined }, disconnect: () => undefined };
  vi.stubGlobal('chrome', { runtime: { connect: () => port, getURL: (path: string) => `chrome-extension://walletid/${path}` } });
  const controller = new AbortController();
  startRelay(win, controller.signal);
  /** The page posts a message with Blobs, as lib/inpage/transport.ts does; from `source`, if another. */
  const post = (m: unknown, blobs: readonly Blob[], source: unknown = win) =>
    win.dispatchEvent(Object.assign(new Event('message'), { data: { [BINARY_MESSAGE]: TO_WALLET_BINARY, detail: JSON.stringify(m), blobs: [...blobs] } satisfies BinaryEnvelope, source }));
  /** The bridge frame loads and the worker attaches the lane (it is up once the relay hears LANE_UP). */
  const laneUp = () => {
    frame!.dispatchEvent(new Event('load'));
    handed!.onmessage = (e) => onLane.push(e.data);
    handed!.postMessage(LANE_UP);
  };
  return { win, onPort, onLane, heard, posted, post, laneUp, handed: () => handed!, stop: () => controller.abort() };
}

const transcribe = (id: number, audio: Blob) => [{ t: 'req', id, method: 'transcribe', params: { audio: { $blob: 0 }, language: 'en' } }, [audio]] as const;

afterEach(() => {
  for (const port of ports.splice(0)) port.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the content script carries Blobs', () => {
  it('sends a media request only once the lane is up, with its Blob', async () => {
    const r = relayed();
    const audio = new Uint8Array([1, 2, 3, 250]);
    r.post(...transcribe(1, new Blob([audio])));
    expect(r.onPort).toEqual([{ t: 'lane', token: expect.any(String) }]);
    r.laneUp();
    await vi.waitFor(() => expect(r.onLane).toHaveLength(1));
    const m = r.onLane[0] as { params: { audio: Blob; language: string } };
    expect(m).toMatchObject({ t: 'req', id: 1, method: 'transcribe', params: { language: 'en' } });
    expect(new Uint8Array(await m.params.audio.arrayBuffer())).toEqual(audio);
    // Once up, at once.
    r.post(...transcribe(2, new Blob([audio])));
    await vi.waitFor(() => expect(r.onLane).toHaveLength(2));
    r.stop();
  });

  it("hears only its own window's messages", async () => {
    const r = relayed();
    r.post(...transcribe(1, new Blob(['x'])), {});
    r.post(...transcribe(2, new Blob(['x'])), null);
    expect(r.onPort).toEqual([]);
    r.post(...transcribe(3, new Blob(['x'])));
    r.laneUp();
    await vi.waitFor(() => expect(r.onLane).toEqual([expect.objectContaining({ id: 3 })]));
    r.stop();
  });

  it('counts the Blobs\' bytes in the size, and refuses over the limit before sending', () => {
    const r = relayed({ lane: false });
    const [m] = transcribe(3, new Blob());
    const json = JSON.stringify(m).length;
    r.post(m, [new Blob([new Uint8Array(requestLimit('transcribe') - json - 1)])]);
    expect(r.heard).toEqual([{ t: 'res', id: 3, ok: false, error: { code: -32602, message: requestTooLarge('transcribe') } }]);
    expect(r.onPort).toEqual([]);
    r.post(m, [new Blob([new Uint8Array(requestLimit('transcribe') - json - 2)])]);
    // Within it: it goes on to wait for a lane, and this frame has none.
    expect(r.heard[1]).toEqual({ t: 'res', id: 3, ok: false, error: NO_LANE });
    r.stop();
  });

  it('refuses a message whose references do not match its Blobs', () => {
    const r = relayed({ lane: false });
    r.post({ t: 'req', id: 4, method: 'transcribe', params: { audio: { $blob: 1 } } }, [new Blob(['x'])]);
    expect(r.heard).toEqual([{ t: 'res', id: 4, ok: false, error: { code: -32602, message: 'Invalid request: message: bad blob reference 1' } }]);
    r.stop();
  });

  it('drops a media request cancelled while it waits for the lane', async () => {
    const r = relayed();
    r.post(...transcribe(5, new Blob(['x'])));
    r.post({ t: 'cancel', id: 5 }, []);
    r.laneUp();
    r.post({ t: 'req', id: 6, method: 'speak', params: { text: 'hi' } }, []);
    await vi.waitFor(() => expect(r.onLane).toEqual([{ t: 'req', id: 6, method: 'speak', params: { text: 'hi' } }]));
    expect(r.heard).toEqual([]);
    r.stop();
  });

  it('fails the media requests waiting when the lane does not come', () => {
    vi.useFakeTimers();
    const r = relayed();
    r.post({ t: 'req', id: 7, method: 'generateImage', params: { prompt: 'a cat' } }, []);
    vi.advanceTimersByTime(LANE_WAIT_MS - 1);
    expect(r.heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(r.heard).toEqual([{ t: 'res', id: 7, ok: false, error: NO_LANE }]);
    // And any after it, at once.
    r.post({ t: 'req', id: 8, method: 'speak', params: { text: 'hi' } }, []);
    expect(r.heard[1]).toEqual({ t: 'res', id: 8, ok: false, error: NO_LANE });
    r.stop();
  });

  it("posts an answer's Blobs to the page as a window message", async () => {
    const r = relayed();
    r.post({ t: 'req', id: 9, method: 'speak', params: { text: 'hi' } }, []);
    r.laneUp();
    await vi.waitFor(() => expect(r.onLane).toHaveLength(1));
    const audio = new Uint8Array([4, 5, 6]);
    r.handed().postMessage({ t: 'res', id: 9, ok: true, value: { audio: new Blob([audio]), mimeType: 'audio/mpeg' } } satisfies ToPage);
    await vi.waitFor(() => expect(r.posted).toHaveLength(1));
    expect(JSON.parse(r.posted[0]!.detail)).toEqual({ t: 'res', id: 9, ok: true, value: { audio: { $blob: 0 }, mimeType: 'audio/mpeg' } });
    expect(new Uint8Array(await r.posted[0]!.blobs[0]!.arrayBuffer())).toEqual(audio);
    expect(r.heard).toEqual([]);
    r.stop();
  });
});
