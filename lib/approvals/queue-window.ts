/**
 * The one approval window every pending prompt shares (docs/PROTOCOL.md §6): it shows the oldest
 * prompt and how many wait after it. A prompt records the window it was placed in, so a window
 * the person closes rejects exactly the prompts that were in it, also after a worker restart.
 *
 * Placing a prompt and closing the window once it is empty run one at a time: a prompt that
 * arrives as the last one is answered is never placed in a window about to close.
 */
import type { WalletDb } from '../db/database';
import type { ApprovalRecord } from '../db/tables/approvals';
import type { WindowOpener } from '../background/windows';

export const APPROVAL_WINDOW = { width: 460, height: 680 };
export const APPROVAL_PAGE = '/approve.html';

export class QueueWindow {
  /** The window this worker opened or placed prompts in (a restarted worker finds it in the database). */
  private windowId: number | null = null;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: WalletDb,
    private readonly windows: WindowOpener,
  ) {}

  /** Puts prompt `id` in the open approval window, opening one if there is none; resolves its id. */
  place(id: string): Promise<number> {
    return this.serialized(async () => {
      // The URL names the prompt that opened the window, its first one; the page shows the queue.
      const windowId = (await this.openWindow()) ?? (await this.windows.open(`${APPROVAL_PAGE}?id=${id}`, APPROVAL_WINDOW));
      this.windowId = windowId;
      await this.db.approvals.update(id, { windowId });
      return windowId;
    });
  }

  /** After a prompt ended: closes its window once no prompt is left, else the window shows the next. */
  closeIfEmpty(windowId: number | undefined): Promise<void> {
    return this.serialized(async () => {
      if ((await this.db.approvals.count()) > 0) return;
      const open = new Set([windowId, this.windowId].filter((w): w is number => w !== undefined && w !== null));
      this.windowId = null;
      for (const w of open) await this.windows.close(w);
    });
  }

  /**
   * Window `windowId` was closed: resolves the prompts that were in it (placed there before the
   * close was seen; a prompt placed afterwards gets a new window).
   */
  closed(windowId: number): Promise<ApprovalRecord[]> {
    return this.serialized(async () => {
      if (this.windowId === windowId) this.windowId = null;
      return this.db.approvals.filter((a) => a.windowId === windowId).toArray();
    });
  }

  /** The approval window that is open: this worker's, or the one a previous worker's prompts name. */
  private async openWindow(): Promise<number | undefined> {
    if (this.windowId !== null && (await this.windows.exists(this.windowId))) return this.windowId;
    const named = new Set((await this.db.approvals.toArray()).map((a) => a.windowId));
    for (const w of named) if (w !== undefined && w !== this.windowId && (await this.windows.exists(w))) return w;
    return undefined;
  }

  private serialized<T>(step: () => Promise<T>): Promise<T> {
    const run = this.tail.then(step, step);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
