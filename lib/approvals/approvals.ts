/**
 * Connection prompts. Each pending prompt is persisted (an MV3 worker can stop at any time):
 * a restarted worker re-attaches a repeated request to the open window, and drops prompts whose
 * window is gone. One prompt per origin; three rejections within 30 s block the origin for 60 s.
 */
import type { WalletDb } from '../db/database';
import type { ApprovalRecord } from '../db/tables/approvals';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { WindowOpener } from '../background/windows';

export interface ApprovalDecision {
  budget: { usd: number; period: 'day' | 'week' | 'month' | 'total' };
  models: string[];
  defaultModel: string;
  scopes: ('chat' | 'models' | 'embed')[];
}

/** How a prompt ended: the person's decision, or a rejection (`closed` when the window was closed). */
export type ApprovalOutcome = { decision: ApprovalDecision } | { rejected: true; closed: boolean };

interface Waiter {
  resolve(decision: ApprovalDecision): void;
  reject(error: WalletError): void;
}

const REJECTION_WINDOW_MS = 30_000;
const REJECTIONS_TO_BLOCK = 3;
const BLOCK_MS = 60_000;
export const APPROVAL_WINDOW = { width: 460, height: 680 };

export class Approvals {
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly rejections = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  /** Origins with an `ask` in progress: claimed synchronously, so same-tick asks cannot open a second window. */
  private readonly asking = new Set<string>();

  constructor(
    private readonly db: WalletDb,
    private readonly windows: WindowOpener,
    private readonly now: () => number = Date.now,
    /** Told how each prompt ended (the audit log). */
    private readonly onSettled: (record: ApprovalRecord, outcome: ApprovalOutcome) => void = () => undefined,
  ) {}

  get(id: string): Promise<ApprovalRecord | undefined> {
    return this.db.approvals.get(id);
  }

  /**
   * Asks the person; resolves their decision or rejects with 4001 / 4290. `prepare` (e.g. unlocking
   * the wallet) runs first, inside the origin's one prompt slot.
   *
   * `answered` says whether the wallet's state already holds what is asked (a connection: a grant
   * that covers it). A restarted worker needs it: a page re-sends its request while the person
   * answers the window the old worker opened, and the answer can land between this request's reads.
   * Resolves `undefined` when `answered` says so instead of a decision.
   */
  async ask(
    record: Omit<ApprovalRecord, 'id' | 'createdAt' | 'windowId'>,
    prepare?: () => Promise<void>,
    answered: () => Promise<boolean> = async () => false,
  ): Promise<ApprovalDecision | undefined> {
    this.assertNotBlocked(record.origin);
    if (this.asking.has(record.origin)) throw new WalletError(ErrorCode.rateLimited, messages.promptPending());
    this.asking.add(record.origin);
    try {
      await prepare?.();
      return await this.askOnce(record, answered);
    } finally {
      this.asking.delete(record.origin);
    }
  }

  private async askOnce(record: Omit<ApprovalRecord, 'id' | 'createdAt' | 'windowId'>, answered: () => Promise<boolean>): Promise<ApprovalDecision | undefined> {
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
    const pending: ApprovalRecord = { ...record, id: crypto.randomUUID(), createdAt: this.now() };
    await this.db.approvals.add(pending);
    const decision = this.wait(pending.id).promise;
    try {
      const windowId = await this.windows.open(`/approve.html?id=${pending.id}`, APPROVAL_WINDOW);
      await this.db.approvals.update(pending.id, { windowId });
    } catch {
      await this.settle(pending.id, { reject: new WalletError(ErrorCode.userRejected, messages.approvalClosed()) });
    }
    return decision;
  }

  /** Throws 4290 while `origin` is blocked after repeated rejections. */
  assertNotBlocked(origin: string): void {
    const blocked = this.blockedUntil.get(origin) ?? 0;
    if (blocked > this.now()) {
      throw new WalletError(ErrorCode.rateLimited, messages.promptBlocked(Math.ceil((blocked - this.now()) / 1000)));
    }
  }

  private wait(id: string): { promise: Promise<ApprovalDecision>; waiter: Waiter } {
    let waiter!: Waiter;
    const promise = new Promise<ApprovalDecision>((resolve, reject) => (waiter = { resolve, reject }));
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
    if (record) this.noteRejection(record.origin);
    return record;
  }

  /** A window closed: its prompt, if any, is rejected. */
  async windowClosed(windowId: number): Promise<void> {
    const record = await this.db.approvals.filter((a) => a.windowId === windowId).first();
    if (!record) return;
    await this.settle(record.id, { reject: new WalletError(ErrorCode.userRejected, messages.approvalClosed()) });
    this.noteRejection(record.origin);
  }

  /** At worker start: drop prompts whose window no longer exists. */
  async recover(): Promise<void> {
    for (const record of await this.db.approvals.toArray()) {
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
    if (record?.windowId !== undefined) void this.windows.close(record.windowId);
    if (record) {
      const closed = 'reject' in outcome && outcome.reject.message === messages.approvalClosed();
      this.onSettled(record, 'decision' in outcome ? { decision: outcome.decision } : { rejected: true, closed });
    }
    return record;
  }

  /** The person dismissed a prompt `origin` caused (also the unlock window it opened): counts toward the block. */
  noteRejection(origin: string): void {
    const now = this.now();
    const recent = (this.rejections.get(origin) ?? []).filter((t) => now - t < REJECTION_WINDOW_MS);
    recent.push(now);
    this.rejections.set(origin, recent);
    if (recent.length >= REJECTIONS_TO_BLOCK) {
      this.blockedUntil.set(origin, now + BLOCK_MS);
      this.rejections.delete(origin);
    }
  }
}
