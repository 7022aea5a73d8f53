/**
 * The bridge frame's logic (entrypoints/bridge): the one web-accessible page. A content script
 * frames it to hand the worker a lane's port, since only an extension page can reach the
 * extension's service worker. It hands on what its parent frame posts it, with the origin the
 * browser reports for that post; the worker attaches the lane only if a runtime port of that
 * origin named its token (lib/lane/rendezvous.ts), so a frame it is not the child of, or a page
 * that frames it itself, gains nothing.
 */
import type { LaneHandOver } from '../protocol/wire';

export function startBridge(win: Window, handOver: (message: LaneHandOver, port: MessagePort) => void | Promise<void>): void {
  win.addEventListener('message', (event: MessageEvent) => {
    const port = event.ports[0];
    const lane = (event.data as { lane?: unknown } | null)?.lane;
    const parentOrigin = win.location.ancestorOrigins?.[0];
    if (!port || typeof lane !== 'string' || win.parent === win || event.source !== win.parent || event.origin !== parentOrigin) {
      port?.close();
      return;
    }
    void handOver({ lane, origin: event.origin }, port);
  });
}
