/**
 * Prompt spam (docs/THREAT_MODEL.md): one pending prompt per origin, and three rejections within
 * 30 s block the origin for 60 s with 4290. Driven by a fake clock and fake windows.
 */
import { describe, expect, it } from 'vitest';
import { Approvals } from '../../lib/approvals/approvals';
import { ErrorCode, WalletError } from '../../lib/protocol/errors';
import { messages } from '../../lib/protocol/messages';
import { DECISION, OTHER, SITE, codeOf, idOf, setup } from '../support/approvals-setup';

/** Opens a prompt for `origin` and rejects it in the window, as the person would. */
async function askAndReject(s: ReturnType<typeof setup>, origin = SITE): Promise<number | 'resolved'> {
  const pending = s.ask(origin);
  const win = await s.windows.untilOpened(s.windows.opened.length + 1);
  await s.approvals.reject(idOf(win.path));
  return codeOf(pending);
}

describe('approvals: prompt spam', () => {
  it('one pending prompt per origin: a second ask while the window is open gets 4290', async () => {
    const s = setup();
    const first = s.ask();
    const win = await s.windows.untilOpened(1);
    const second = s.ask();
    await expect(second).rejects.toMatchObject({ code: ErrorCode.rateLimited, message: messages.promptPending() });
    // Another origin is not affected: it waits in the same window (approval-queue.test.ts).
    const other = s.ask(OTHER);
    await expect.poll(async () => (await s.approvals.queue()).waiting).toBe(1);
    await s.approvals.approve(idOf(win.path), DECISION);
    await expect(first).resolves.toEqual(DECISION);
    await s.approvals.reject((await s.approvals.queue()).current!.id);
    await expect(other).rejects.toMatchObject({ code: ErrorCode.userRejected });
    expect(s.windows.opened).toHaveLength(1);
  });

  it('one pending prompt per origin even when many asks arrive in the same tick', async () => {
    const s = setup();
    const asks = Array.from({ length: 10 }, () => s.ask());
    const others = Promise.all(asks.slice(1).map(codeOf));
    const win = await s.windows.untilOpened(1);
    // Every ask but one is refused before any second window can open.
    const refused = await others;
    expect(new Set(refused)).toEqual(new Set([ErrorCode.rateLimited]));
    expect(s.windows.opened).toHaveLength(1);
    await s.approvals.approve(idOf(win.path), DECISION);
    await expect(asks[0]).resolves.toEqual(DECISION);
    expect(await s.db.approvals.count()).toBe(0);
  });

  it('three rejections within 30 s block the origin for exactly 60 s', async () => {
    const s = setup();
    expect(await askAndReject(s)).toBe(ErrorCode.userRejected);
    s.advance(10_000);
    expect(await askAndReject(s)).toBe(ErrorCode.userRejected);
    s.advance(19_999); // the third rejection lands 29.999 s after the first
    expect(await askAndReject(s)).toBe(ErrorCode.userRejected);
    const opened = s.windows.opened.length;

    await expect(s.ask()).rejects.toMatchObject({ code: ErrorCode.rateLimited, message: messages.promptBlocked(60) });
    s.advance(59_000);
    await expect(s.ask()).rejects.toMatchObject({ code: ErrorCode.rateLimited, message: messages.promptBlocked(1) });
    s.advance(999);
    await expect(s.ask()).rejects.toMatchObject({ code: ErrorCode.rateLimited });
    // No window opened while blocked; another origin may still ask.
    expect(s.windows.opened).toHaveLength(opened);
    expect(await askAndReject(s, OTHER)).toBe(ErrorCode.userRejected);

    s.advance(1); // 60 s after the third rejection
    expect(await askAndReject(s)).toBe(ErrorCode.userRejected);
  });

  it('rejections more than 30 s apart never block', async () => {
    const s = setup();
    for (let i = 0; i < 6; i++) {
      expect(await askAndReject(s)).toBe(ErrorCode.userRejected);
      s.advance(15_000); // each window of 30 s holds at most two rejections
    }
    const pending = s.ask();
    await s.windows.untilOpened(7);
    expect(s.windows.opened).toHaveLength(7);
    await s.approvals.reject(idOf(s.windows.opened[6]!.path));
    await expect(pending).rejects.toMatchObject({ code: ErrorCode.userRejected });
  });

  it('closing the window counts as a rejection', async () => {
    const s = setup();
    for (let i = 1; i <= 3; i++) {
      const pending = s.ask();
      const win = await s.windows.untilOpened(i);
      await s.windows.close(win.id);
      await s.approvals.windowClosed(win.id);
      await expect(pending).rejects.toMatchObject({ code: ErrorCode.userRejected, message: messages.approvalClosed() });
      s.advance(1_000);
    }
    await expect(s.ask()).rejects.toMatchObject({ code: ErrorCode.rateLimited });
  });

  it('an approval is never counted as a rejection', async () => {
    const s = setup();
    for (let i = 1; i <= 4; i++) {
      const pending = s.ask();
      const win = await s.windows.untilOpened(i);
      await s.approvals.approve(idOf(win.path), DECISION);
      await expect(pending).resolves.toEqual(DECISION);
    }
    expect(s.windows.opened).toHaveLength(4);
  });

  it('the slot is held while `prepare` runs (the unlock window): a second ask gets 4290; a failed prepare frees it', async () => {
    const s = setup();
    let unlock!: (ok: boolean) => void;
    const prepare = () => new Promise<void>((resolve, reject) => (unlock = (ok) => (ok ? resolve() : reject(new WalletError(ErrorCode.locked, messages.locked())))));
    const first = s.approvals.ask({ origin: SITE, request: { scopes: ['chat'] } }, prepare);
    await expect(s.ask()).rejects.toMatchObject({ code: ErrorCode.rateLimited, message: messages.promptPending() });
    unlock(false);
    await expect(first).rejects.toMatchObject({ code: ErrorCode.locked });
    expect(s.windows.opened).toHaveLength(0);
    // Free again: the next ask gets its window.
    const next = s.ask();
    const win = await s.windows.untilOpened(1);
    await s.approvals.approve(idOf(win.path), DECISION);
    await expect(next).resolves.toEqual(DECISION);
  });

  it('a blocked or pending refusal is a WalletError with no window and no record', async () => {
    const s = setup();
    for (let i = 0; i < 3; i++) await askAndReject(s);
    const error = await s.ask().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletError);
    expect(await s.db.approvals.count()).toBe(0);
  });
});

describe('approvals: a restarted worker', () => {
  /** The old worker opened a prompt and stopped; `next` is the new worker's Approvals on the same database and windows. */
  async function afterRestart(focus: () => Promise<void> = async () => {}) {
    const s = setup();
    void s.ask().catch(() => undefined);
    const win = await s.windows.untilOpened(1);
    s.windows.focus = focus;
    const next = new Approvals(s.db, s.windows, () => 1_000_000);
    return { ...s, next, id: idOf(win.path) };
  }

  it('a re-sent request attaches to the open window and gets the person’s decision', async () => {
    const r = await afterRestart();
    const again = r.next.ask({ origin: SITE, request: { scopes: ['chat'] } });
    await expect.poll(() => (r.next as unknown as { waiters: Map<string, unknown> }).waiters.size).toBe(1);
    await r.next.approve(r.id, DECISION);
    await expect(again).resolves.toEqual(DECISION);
    expect(r.windows.opened).toHaveLength(1);
  });

  it('answered before the re-sent request reads the prompt: the state answers it, no second window', async () => {
    const r = await afterRestart();
    // The grant is written before the prompt is settled.
    await r.next.approve(r.id, DECISION);
    const again = r.next.ask({ origin: SITE, request: { scopes: ['chat'] } }, undefined, async () => true);
    await expect(again).resolves.toBeUndefined();
    expect(r.windows.opened).toHaveLength(1);
    expect(await r.db.approvals.count()).toBe(0);
  });

  it('answered after the re-sent request found the prompt open, before it waited: it does not hang', async () => {
    let granted = false;
    const r = await afterRestart(async () => {
      granted = true;
      await r.next.approve(r.id, DECISION);
    });
    const again = r.next.ask({ origin: SITE, request: { scopes: ['chat'] } }, undefined, async () => granted);
    await expect(again).resolves.toBeUndefined();
    expect(r.windows.opened).toHaveLength(1);
  });

  it('rejected in that same gap: the re-sent request gets 4001', async () => {
    const r = await afterRestart(async () => {
      await r.next.reject(r.id);
    });
    const again = r.next.ask({ origin: SITE, request: { scopes: ['chat'] } }, undefined, async () => false);
    await expect(again).rejects.toMatchObject({ code: ErrorCode.userRejected });
    expect(r.windows.opened).toHaveLength(1);
  });
});
