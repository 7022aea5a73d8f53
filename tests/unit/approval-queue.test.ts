/**
 * A flood of windows (docs/THREAT_MODEL.md): every pending prompt waits in one approval window,
 * oldest first, and is answered on its own; closing the window rejects the prompts in it; a tab's
 * frames share the limits on pending prompts and on rejections. Fake clock, fake windows.
 */
import { describe, expect, it } from 'vitest';
import { Approvals } from '../../lib/approvals/approvals';
import { MAX_PENDING_PER_TAB } from '../../lib/approvals/throttle';
import { ErrorCode } from '../../lib/protocol/errors';
import { messages } from '../../lib/protocol/messages';
import { DECISION, codeOf, later, setup, untilPlaced } from '../support/approvals-setup';

const origins = (n: number) => Array.from({ length: n }, (_, i) => `https://frame-${i}.example`);
const closedError = { code: ErrorCode.userRejected, message: messages.approvalClosed() };

describe('approvals: one window, a queue', () => {
  it('prompts of several origins share one window, shown oldest first, each answered on its own', async () => {
    const s = setup();
    const [a, b, c] = origins(3).map((o) => later(s.ask(o)));
    const placed = await untilPlaced(s.db, 3);
    expect(s.windows.opened).toHaveLength(1);
    expect(new Set(placed.map((p) => p.windowId))).toEqual(new Set([s.windows.opened[0]!.id]));
    expect(placed.map((p) => p.origin)).toEqual(origins(3));

    let queue = await s.approvals.queue();
    expect({ origin: queue.current?.origin, waiting: queue.waiting }).toEqual({ origin: 'https://frame-0.example', waiting: 2 });
    await s.approvals.approve(queue.current!.id, DECISION);
    await expect(a).resolves.toEqual(DECISION);
    // The window stays open and shows the next one; the others are still waiting, not answered.
    queue = await s.approvals.queue();
    expect({ origin: queue.current?.origin, waiting: queue.waiting }).toEqual({ origin: 'https://frame-1.example', waiting: 1 });
    expect(await s.windows.exists(s.windows.opened[0]!.id)).toBe(true);
    await s.approvals.reject(queue.current!.id);
    await expect(b).rejects.toMatchObject({ code: ErrorCode.userRejected, message: messages.userRejected() });
    queue = await s.approvals.queue();
    expect({ origin: queue.current?.origin, waiting: queue.waiting }).toEqual({ origin: 'https://frame-2.example', waiting: 0 });
    await s.approvals.approve(queue.current!.id, DECISION);
    await expect(c).resolves.toEqual(DECISION);
    // None left: the window closes; the next prompt opens a new one.
    await expect.poll(() => s.windows.alive.size).toBe(0);
    const d = later(s.ask('https://later.example'));
    await s.windows.untilOpened(2);
    await s.approvals.reject((await untilPlaced(s.db, 1))[0]!.id);
    await expect(d).rejects.toMatchObject({ code: ErrorCode.userRejected });
  });

  it('budget raises wait in the same window as connections', async () => {
    const s = setup();
    const connect = later(s.ask('https://a.example'));
    const raise = s.ask('https://b.example', { kind: 'raiseBudget' });
    const [first, second] = await untilPlaced(s.db, 2);
    expect(s.windows.opened).toHaveLength(1);
    expect([first!.kind ?? 'connect', second!.kind]).toEqual(['connect', 'raiseBudget']);
    await s.approvals.reject(first!.id);
    expect((await s.approvals.queue()).current?.kind).toBe('raiseBudget');
    await s.approvals.approve(second!.id, DECISION);
    expect([await codeOf(connect), await codeOf(raise)]).toEqual([ErrorCode.userRejected, 'resolved']);
  });

  it('closing the window rejects the prompt shown and the ones waiting (4001); a prompt asked after the close gets a new window', async () => {
    const s = setup();
    const asks = origins(3).map((o) => later(s.ask(o)));
    await untilPlaced(s.db, 3);
    const win = s.windows.opened[0]!;
    await s.windows.close(win.id); // the person closed it; the worker hears of it a little later
    const after = s.ask('https://after.example');
    await s.windows.untilOpened(2);
    await s.approvals.windowClosed(win.id);
    for (const ask of asks) await expect(ask).rejects.toMatchObject(closedError);
    // Exactly the prompts that were in the closed window: the later one waits in its own.
    const queue = await s.approvals.queue();
    expect({ origin: queue.current?.origin, waiting: queue.waiting, windowId: queue.current?.windowId }).toEqual({ origin: 'https://after.example', waiting: 0, windowId: s.windows.opened[1]!.id });
    await s.approvals.approve(queue.current!.id, DECISION);
    await expect(after).resolves.toEqual(DECISION);
  });

  it('a prompt asked as the last one is answered is never placed in the window being closed', async () => {
    const s = setup();
    const first = s.ask('https://a.example');
    const [shown] = await untilPlaced(s.db, 1);
    const answering = s.approvals.approve(shown!.id, DECISION);
    const next = s.ask('https://b.example');
    await answering;
    await expect(first).resolves.toEqual(DECISION);
    const [placed] = await untilPlaced(s.db, 1);
    expect((await s.approvals.queue()).current).toEqual(placed);
    await expect.poll(() => s.windows.exists(placed!.windowId!)).toBe(true);
    expect(s.windows.alive.size).toBe(1);
    await s.approvals.approve(placed!.id, DECISION);
    await expect(next).resolves.toEqual(DECISION);
  });

  it('a restarted worker places new prompts in the window the old one opened; closing it rejects exactly what it held', async () => {
    const s = setup();
    void s.ask('https://a.example').catch(() => undefined);
    const [old] = await untilPlaced(s.db, 1);
    const next = new Approvals(s.db, s.windows, () => 2_000_000);
    await next.recover();
    const b = later(next.ask({ origin: 'https://b.example', request: { scopes: ['chat'] } }));
    await untilPlaced(s.db, 2);
    expect(s.windows.opened).toHaveLength(1);
    expect((await next.queue()).current?.id).toBe(old!.id);
    await s.windows.close(old!.windowId!);
    await next.windowClosed(old!.windowId!);
    await expect(b).rejects.toMatchObject(closedError);
    expect(await s.db.approvals.count()).toBe(0);
  });
});

describe('approvals: a tab\'s frames share the limits', () => {
  it('at most 3 prompts pending per tab, whatever their origins: the next get 4290; another tab is not affected', async () => {
    expect(MAX_PENDING_PER_TAB).toBe(3);
    const s = setup();
    const asks = origins(15).map((o) => s.ask(o, { tabId: 7 }));
    const codes = await Promise.all(asks.slice(MAX_PENDING_PER_TAB).map(codeOf));
    expect(new Set(codes)).toEqual(new Set([ErrorCode.rateLimited]));
    await expect(asks[MAX_PENDING_PER_TAB]).rejects.toMatchObject({ message: messages.tooManyPending() });
    const placed = await untilPlaced(s.db, MAX_PENDING_PER_TAB);
    expect(placed).toHaveLength(MAX_PENDING_PER_TAB);
    expect(s.windows.opened).toHaveLength(1);

    const otherTab = s.ask('https://elsewhere.example', { tabId: 8 });
    await untilPlaced(s.db, MAX_PENDING_PER_TAB + 1);
    // Answering one frees a slot of the tab.
    await s.approvals.approve(placed[0]!.id, DECISION);
    await expect(asks[0]).resolves.toEqual(DECISION);
    const again = s.ask('https://frame-14.example', { tabId: 7 });
    await untilPlaced(s.db, MAX_PENDING_PER_TAB + 1);
    for (const record of await s.db.approvals.toArray()) await s.approvals.approve(record.id, DECISION);
    expect([await codeOf(otherTab), await codeOf(again)]).toEqual(['resolved', 'resolved']);
  });

  it('closing the window counts once for the tab whose prompts were in it; rejecting each counts each', async () => {
    const s = setup();
    const closeAll = async () => {
      const asks = origins(3).map((o) => later(s.ask(o, { tabId: 7 })));
      const [shown] = await untilPlaced(s.db, 3);
      await s.windows.close(shown!.windowId!);
      await s.approvals.windowClosed(shown!.windowId!);
      for (const ask of asks) await expect(ask).rejects.toMatchObject(closedError);
      s.advance(1_000);
    };
    await closeAll();
    await closeAll();
    // Two closes: two rejections for the tab, which may still ask.
    const third = later(s.ask('https://fresh.example', { tabId: 7 }));
    await s.approvals.reject((await untilPlaced(s.db, 1))[0]!.id);
    await expect(third).rejects.toMatchObject({ code: ErrorCode.userRejected });
    // That was its third rejection within 30 s: blocked.
    await expect(s.ask('https://another.example', { tabId: 7 })).rejects.toMatchObject({ code: ErrorCode.rateLimited, message: messages.promptBlocked(60) });
  });

  it('three rejections within 30 s from one tab block all its frames for 60 s, whatever their origins', async () => {
    const s = setup();
    for (const origin of origins(3)) {
      const pending = s.ask(origin, { tabId: 7 });
      const [record] = await untilPlaced(s.db, 1);
      await s.approvals.reject(record!.id);
      await expect(pending).rejects.toMatchObject({ code: ErrorCode.userRejected });
      s.advance(1_000);
    }
    await expect(s.ask('https://fresh.example', { tabId: 7 })).rejects.toMatchObject({ code: ErrorCode.rateLimited, message: messages.promptBlocked(59) });
    // The same origin in another tab, and other tabs, may still ask.
    const elsewhere = s.ask('https://fresh.example', { tabId: 8 });
    const [record] = await untilPlaced(s.db, 1);
    await s.approvals.approve(record!.id, DECISION);
    await expect(elsewhere).resolves.toEqual(DECISION);
    s.advance(59_000);
    const later = s.ask('https://fresh.example', { tabId: 7 });
    await s.approvals.approve((await untilPlaced(s.db, 1))[0]!.id, DECISION);
    await expect(later).resolves.toEqual(DECISION);
  });
});
