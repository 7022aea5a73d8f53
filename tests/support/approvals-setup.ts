/** Approvals on a fresh database, with a fake clock and fake windows (tests/unit/approval*.test.ts). */
import 'fake-indexeddb/auto';
import { openWalletDb, type WalletDb } from '../../lib/db/database';
import { Approvals, type ApprovalDecision } from '../../lib/approvals/approvals';
import type { ApprovalRecord } from '../../lib/db/tables/approvals';
import type { WindowOpener } from '../../lib/background/windows';
import type { WalletError } from '../../lib/protocol/errors';

export const SITE = 'https://spam.example';
export const OTHER = 'https://other.example';
export const DECISION: ApprovalDecision = { budget: { usd: 1, period: 'day' }, models: ['m'], defaultModel: 'm', scopes: ['chat'] };
let dbCount = 0;

export class FakeWindows implements WindowOpener {
  readonly open: WindowOpener['open'];
  readonly opened: { id: number; path: string }[] = [];
  readonly alive = new Set<number>();
  private next = 1;

  constructor() {
    this.open = async (path) => {
      const id = this.next++;
      this.alive.add(id);
      this.opened.push({ id, path });
      return id;
    };
  }

  async close(windowId: number) {
    this.alive.delete(windowId);
  }

  async exists(windowId: number) {
    return this.alive.has(windowId);
  }

  async focus() {}

  async openSetup() {
    return null;
  }

  /** Resolves once `count` windows have been opened. */
  async untilOpened(count: number): Promise<{ id: number; path: string }> {
    while (this.opened.length < count) await new Promise((r) => setTimeout(r, 0));
    return this.opened[count - 1]!;
  }
}

export type Setup = ReturnType<typeof setup>;

export function setup() {
  let now = 1_000_000;
  const windows = new FakeWindows();
  const db = openWalletDb(`approvals-${dbCount++}`);
  const approvals = new Approvals(db, windows, () => now);
  return {
    approvals,
    windows,
    db,
    advance: (ms: number) => (now += ms),
    ask: (origin = SITE, more: Partial<ApprovalRecord> = {}) => approvals.ask({ origin, request: { scopes: ['chat'] }, ...more }),
  };
}

export const idOf = (path: string) => new URLSearchParams(path.split('?')[1]).get('id')!;

/** Resolves once `count` prompts are placed in a window (in the queue the window shows). */
export async function untilPlaced(db: WalletDb, count: number): Promise<ApprovalRecord[]> {
  for (;;) {
    const placed = (await db.approvals.orderBy('createdAt').toArray()).filter((a) => a.windowId !== undefined);
    if (placed.length >= count) return placed;
    await new Promise((r) => setTimeout(r, 0));
  }
}

export async function codeOf(promise: Promise<unknown>): Promise<number | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as WalletError).code;
  }
}

/** `promise`, marked as handled: a test may look at its rejection only after other steps. */
export function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}
