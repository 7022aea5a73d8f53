/**
 * Connection and budget-raise prompts. Each pending prompt is persisted (an MV3 worker can stop at
 * any time): a restarted worker re-attaches a repeated request to the open window, and drops
 * prompts whose window is gone. All pending prompts share one approval window, oldest first
 * (queue-window.ts); the limits on how many a site or a tab may have are in throttle.ts.
 */
import type { MediaScope, Scope } from '../protocol/scopes';
import type { WalletDb } from '../db/database';
import type { ApprovalRecord } from '../db/tables/approvals';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { WindowOpener } from '../background/windows';
import { PromptThrottle, type Asker } from './throttle';
import { QueueWindow } from './queue-window';

export { APPROVAL_WINDOW } from './queue-window';

export interface ApprovalDecision {
  budget: { usd: number; period: 'day' | 'week' | 'month' | 'total' };
  models: string[];
  defaultModel: string;
  scopes: Scope[];
  /** The default model of each media scope granted (lib/grants/media-defaults.ts); the worker fills any left out. */
  defaults?: Partial<Record<MediaScope, string>> | undefined;
}

/** How a prompt ended: the person's decision, or a rejection (`closed` when the window was closed). */
export type ApprovalOutcome = { decision: ApprovalDecision } | { rejected: true; closed: boolean };

/** What the approval window shows: the oldest pending prompt, and how many wait after it. */
export interface ApprovalQueueState {
  current: ApprovalRecord | undefined;
  waiting: number;
}

type NewPrompt = Omit<ApprovalRecord, 'id' | 'createdAt' | 'windowId'>;

interface Waiter {
  resolve(decision: ApprovalDecision): void;
  reject(error: WalletError): void;
}

export class Approvals {
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly throttle: PromptThrottle;
  private readonly window: QueueWindow;
  /** createdAt orders the queue: strictly increasing, so prompts asked in the same millisecond keep their order. */
  private lastCreatedAt = 0;

  constructor(
    private readonly db: WalletDb,
    private readonly windows: WindowOpener,
    private readonly now: () => number = Date.now,
    /** Told how each prompt ended (the audit log). */
    private readonly onSettled: (record: ApprovalRecord, outcome: ApprovalOutcome) => void = () => undefined,
    /** Told when a prompt joined the queue (the window's "more waiting" count). */
    private readonly onQueued: () => void = () => undefined,
  ) {
    this.throttle = new PromptThrottle(now);
    this.window = new QueueWindow(db, windows);
  }

  get(id: string): Promise<ApprovalRecord | undefined> {
    return this.db.approvals.get(id);
  }

  /** The prompt the approval window shows now and how many wait after it. */
  async queue(): Promise<ApprovalQueueState> {
    const all = await this.db.approvals.orderBy('createdAt').toArray();
    return { current: all[0], waiting: Math.max(0, all.length - 1) };
  }

  /**
   * Asks the person; resolves their decision or rejects with 4001 / 4290. `prepare` (e.g. unlocking
   * the wallet) runs first, inside the asker's prompt slot.
   *
   * `answered` says whether the wallet's state already holds what is asked (a connection: a grant
   * that covers it). A restarted worker needs it: a page re-sends its request while the person
   * answers the window the old worker opened, and the answer can land between this request's reads.
   * Resolves `undefined` when `answered` says so instead of a decision.
   */
  async ask(record: NewPrompt, prepare?: () => Promise<void>, answered: () => Promise<boolean> = async () => false): Promise<ApprovalDecision | undefined> {
    const release = this.throttle.claim(record);
    try {
      await prepare?.();
      return await this.askOnce(record, answered);
    } finally {
      release();
    }
  }

  private async askOnce(record: NewPrompt, answered: () => Promise<boolean>): Promise<ApprovalDecision | undefined> {
    const existing = await this.db.approvals.where('origin').equals(record.origin).first();
    if (existing) {
      const alive = existing.windowId !== undefined && (await this.windows.exists(existing.windowId));
      // A prompt of another kind (a connection while a budget raise is asked) is never answered for this one.
      const sameKind = (existing.kind ?? 'connect') === (record.kind ?? 'connect');
      if (alive && (this.waiters.has(existing.id) || !sameKind)) throw new WalletError(ErrorCode.rateLimited, messages.promptPending());
      if (alive) {
        // A restarted worker: the person may still answer the window that is open.
        if (existing.windowId !== undefined) await this.windows.focus(existing.windowId);
        return this.attach(existing.id, answered);
      }
      await this.db.approvals.delete(existing.id);
    }
    // The answer is written before its prompt is deleted: a prompt found gone may have been answered.
    if (await answered()) return undefined;
    this.lastCreatedAt = Math.max(this.now(), this.lastCreatedAt + 1);
    const pending: ApprovalRecord = { ...record, id: crypto.randomUUID(), createdAt: this.lastCreatedAt };
    await this.db.approvals.add(pending);
    const decision = this.wait(pending.id).promise;
    try {
      await this.window.place(pending.id);
      this.onQueued();
    } catch {
      await this.settle(pending.id, { reject: new WalletError(ErrorCode.userRejected, messages.approvalClosed()) });
    }
    return decision;
  }

  /** Throws 4290 while the asker (its origin or its tab) is blocked after repeated rejections. */
  assertNotBlocked(asker: Asker): void {
    this.throttle.assertNotBlocked(asker);
  }

  private wait(id: string): { promise: Promise<ApprovalDecision>; waiter: Waiter } {
    let waiter!: Waiter;
    const promise = new Promise<ApprovalDecision>((resolve, reject) => (waiter = { resolve, reject }));
    // The person may answer while the prompt is still being placed, before anyone awaits this.
    promise.catch(() => undefined);
    this.waiters.set(id, [...(this.waiters.get(id) ?? []), waiter]);
    return { promise, waiter };
  }

  /**
   * Waits on a prompt found open. If it was settled while this request was on its way (the record
   * is gone once the waiter is listed), its settlement never saw the waiter: the state says how it
   * ended instead.
   */
  private async attach(id: string, answered: () => Promise<boolean>): Promise<ApprovalDecision | undefined> {
    const { waiter, promise } = this.wait(id);
    if (await this.db.approvals.get(id)) return promise;
    const list = this.waiters.get(id);
    if (!list?.includes(waiter)) return promise; // the settlement took this waiter after all
    const rest = list.filter((w) => w !== waiter);
    if (rest.length) this.waiters.set(id, rest);
    else this.waiters.delete(id);
    if (await answered()) return undefined;
    throw new WalletError(ErrorCode.userRejected, messages.userRejected());
  }

  /** The person approved (the caller has validated the decision against the record). */
  approve(id: string, decision: ApprovalDecision): Promise<ApprovalRecord | undefined> {
    return this.settle(id, { decision });
  }

  async reject(id: string): Promise<ApprovalRecord | undefined> {
    const record = await this.settle(id, { reject: new WalletError(ErrorCode.userRejected, messages.userRejected()) });
    if (record) this.noteRejection(record);
    return record;
  }

  /**
   * A window closed. The approval window: every prompt in it is rejected with 4001, the one shown
   * and the ones waiting (as closing MetaMask's window does). Each counts as a rejection for its
   * origin; the close counts once for each tab (one act of the person).
   */
  async windowClosed(windowId: number): Promise<void> {
    const shown = await this.window.closed(windowId);
    for (const record of shown) {
      await this.settle(record.id, { reject: new WalletError(ErrorCode.userRejected, messages.approvalClosed()) });
    }
    const tabs = new Set<number>();
    for (const { origin, tabId } of shown) {
      this.noteRejection({ origin, tabId: tabId === undefined || tabs.has(tabId) ? undefined : tabId });
      if (tabId !== undefined) tabs.add(tabId);
    }
  }

  /** At worker start: drop prompts whose window no longer exists. */
  async recover(): Promise<void> {
    for (const record of await this.db.approvals.toArray()) {
      this.lastCreatedAt = Math.max(this.lastCreatedAt, record.createdAt);
      const alive = record.windowId !== undefined && (await this.windows.exists(record.windowId));
      if (!alive) await this.db.approvals.delete(record.id);
    }
  }

  private async settle(id: string, outcome: { decision: ApprovalDecision } | { reject: WalletError }): Promise<ApprovalRecord | undefined> {
    const record = await this.db.approvals.get(id);
    await this.db.approvals.delete(id);
    const waiters = this.waiters.get(id) ?? [];
    this.waiters.delete(id);
    for (const w of waiters) {
      if ('decision' in outcome) w.resolve(outcome.decision);
      else w.reject(outcome.reject);
    }
    if (record) {
      const closed = 'reject' in outcome && outcome.reject.message === messages.approvalClosed();
      this.onSettled(record, 'decision' in outcome ? { decision: outcome.decision } : { rejected: true, closed });
    }
    void this.window.closeIfEmpty(record?.windowId).catch(() => undefined);
    return record;
  }

  /** The person dismissed a prompt the asker caused (also the unlock window it opened): counts toward the block. */
  noteRejection(asker: Asker): void {
    this.throttle.noteRejection(asker);
  }
}
