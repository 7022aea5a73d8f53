/** What the attack tests share: calls from any frame, raw wire messages, frames added to a page. */
import type { BrowserContext, Frame, Page } from '@playwright/test';

/** Calls from any frame: the page objects' `byokCall`, which takes a page or a frame. */
export { byokCall as callIn, type CallError } from '../po/app';

/** Clicks Reject in the next approval window (which closes as soon as the wallet has the answer). */
export { reject as rejectPrompt } from '../po/approval-window';

/** Adds an iframe with `attrs` to `page` and resolves its Playwright frame once it loaded. */
export async function addFrame(page: Page, attrs: Record<string, string>): Promise<Frame> {
  const name = `f${Math.random().toString(36).slice(2)}`;
  await page.evaluate(
    ({ attrs, name }) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        for (const [k, v] of Object.entries(attrs)) frame.setAttribute(k, v);
        frame.name = name;
        frame.addEventListener('load', () => resolve(), { once: true });
        document.body.append(frame);
      }),
    { attrs, name },
  );
  const frame = page.frames().find((f) => f.name() === name);
  if (frame) return frame;
  // A sandboxed or cross-origin frame may not expose its name: take the newest child frame.
  const children = page.mainFrame().childFrames();
  return children[children.length - 1]!;
}

export interface WireReply {
  t: string;
  id: number;
  ok?: boolean;
  value?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** A huge or deep chat request, built in the page (too big or too deep to pass through Playwright). */
export interface Built {
  $: 'text' | 'deep';
  id: number;
  /** characters of the user message (`text`), or nesting depth of the params (`deep`) */
  size: number;
}

/**
 * Sends each of `messages` (raw wire messages, or {@link Built} ones) on `page`'s wire events,
 * then a marker request whose reply proves the wallet processed everything before it; resolves
 * every reply seen up to the marker's. The marker is an unknown method: the wallet refuses it
 * before any await, so replies to the messages before it (refused the same way) cannot arrive after it.
 */
export function postRaw(page: Page | Frame, messages: unknown[], markerId = 999_999): Promise<WireReply[]> {
  return page.evaluate(
    ({ messages, markerId }) =>
      new Promise<WireReply[]>((resolve) => {
        const build = (m: unknown): unknown => {
          const b = m as Partial<Built> | null;
          if (b?.$ === 'text') return { t: 'req', id: b.id, method: 'chat', params: { messages: [{ role: 'user', content: 'x'.repeat(b.size ?? 0) }] } };
          if (b?.$ === 'deep') return { t: 'req', id: b.id, method: 'chat', params: JSON.parse(`${'{"a":'.repeat(b.size ?? 0)}1${'}'.repeat(b.size ?? 0)}`) };
          return m;
        };
        const seen: WireReply[] = [];
        const onReply = (event: Event) => {
          const m = JSON.parse((event as CustomEvent<string>).detail) as WireReply;
          if (m.t !== 'res') return;
          if (m.id === markerId) {
            window.removeEventListener('byok/v1:to-page', onReply);
            resolve(seen);
          } else seen.push(m);
        };
        const post = (m: unknown) => window.dispatchEvent(new CustomEvent('byok/v1:to-wallet', { detail: JSON.stringify(m) }));
        window.addEventListener('byok/v1:to-page', onReply);
        for (const m of messages) post(build(m));
        post({ t: 'req', id: markerId, method: 'marker.unknown' });
      }),
    { messages, markerId },
  );
}

/** Every approval / unlock window opened in `context` from now on. */
export function countWindows(context: BrowserContext, path: 'approve.html' | 'unlock.html'): { readonly count: number } {
  const counter = { count: context.pages().filter((p) => p.url().includes(path)).length };
  context.on('page', (p) => {
    if (p.url().includes(path)) counter.count++;
  });
  return counter;
}

interface CdpContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/**
 * Evaluates `expression` in byok's own content-script world of `frame`, through the DevTools
 * protocol: what a compromised content script (a compromised renderer) could do. Resolves the
 * expression's value.
 */
export async function inContentScriptWorld(context: BrowserContext, page: Page, frame: Frame, expression: string): Promise<unknown> {
  let session;
  let frameId: string | undefined;
  try {
    session = await context.newCDPSession(frame); // an out-of-process frame has its own target
  } catch {
    session = await context.newCDPSession(page);
    const tree = (await session.send('Page.getFrameTree')) as { frameTree: FrameTree };
    frameId = findFrame(tree.frameTree, frame.url());
  }
  const contexts: CdpContext[] = [];
  session.on('Runtime.executionContextCreated', (e: { context: CdpContext }) => contexts.push(e.context));
  await session.send('Runtime.enable');
  const world = contexts.find((c) => c.name === 'byok' && c.auxData?.type === 'isolated' && (frameId === undefined || c.auxData.frameId === frameId));
  if (!world) throw new Error(`no byok content-script world in ${frame.url()}`);
  const result = (await session.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string };
  };
  await session.detach();
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
  return result.result.value;
}

interface FrameTree {
  frame: { id: string; url: string; urlFragment?: string };
  childFrames?: FrameTree[];
}

function findFrame(tree: FrameTree, url: string): string | undefined {
  if (tree.frame.url === url) return tree.frame.id;
  for (const child of tree.childFrames ?? []) {
    const found = findFrame(child, url);
    if (found) return found;
  }
  return undefined;
}

/** The expression that opens a port as byok's content script does and sends `m`; resolves the first reply. */
export function portRequest(m: unknown): string {
  return `new Promise((resolve) => {
    const port = chrome.runtime.connect({ name: 'byok-page/v1' });
    port.onMessage.addListener((reply) => { if (reply.t === 'res') { resolve(reply); port.disconnect(); } });
    port.onDisconnect.addListener(() => resolve({ disconnected: true }));
    port.postMessage(${JSON.stringify(m)});
  })`;
}
