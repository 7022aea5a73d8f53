/** Pending approval prompts, persisted so a restarted worker can finish or reject them. */
import type { Scope } from '../../protocol/scopes';

export const approvalsV1 = 'id, origin, createdAt';

export interface ApprovalRecord {
  id: string;
  origin: string;
  /** The top-level page's origin when the request came from a frame, for display. */
  topOrigin?: string;
  /** The browser tab the request came from: prompts are limited per tab too (lib/approvals/throttle.ts). */
  tabId?: number;
  /** The tab's favicon (an https: URL or an inline image, capped: lib/approvals/favicon.ts), for display. */
  favIconUrl?: string;
  /** The validated connect request. */
  request: {
    scopes: Scope[];
    models?: string[];
    budget?: { usd: number; period: 'day' | 'week' | 'month' | 'total' };
    reason?: string;
  };
  /** What the prompt asks: a connection (the default, also for records without a kind) or a higher budget. */
  kind?: 'connect' | 'raiseBudget';
  /** For `raiseBudget`: what the window shows, in nano-USD (lib/background/raise-budget.ts). */
  raise?: RaisePrompt;
  /** The approval window the prompt was placed in: closing it rejects the prompt. */
  windowId?: number;
  /** When it was asked; orders the queue the approval window shows, oldest first. */
  createdAt: number;
}

/** A request that would exceed its site's budget, waiting for the person to raise it or not. */
export interface RaisePrompt {
  model: string;
  period: 'day' | 'week' | 'month' | 'total';
  budgetNano: number;
  /** Spent this period when the request came. */
  spentNano: number;
  /** What the site's other in-flight requests may still cost. */
  heldNano: number;
  /** This request's upper bound. */
  requestNano: number;
  /** The smallest budget that admits it: spent + held + request. */
  neededNano: number;
}
