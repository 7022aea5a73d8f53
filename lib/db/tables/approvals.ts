/** Pending approval prompts, persisted so a restarted worker can finish or reject them. */
export const approvalsV1 = 'id, origin, createdAt';

export interface ApprovalRecord {
  id: string;
  origin: string;
  /** The top-level page's origin when the request came from a frame, for display. */
  topOrigin?: string;
  /** The validated connect request. */
  request: {
    scopes: ('chat' | 'models' | 'embed')[];
    models?: string[];
    budget?: { usd: number; period: 'day' | 'week' | 'month' | 'total' };
    reason?: string;
  };
  windowId?: number;
  createdAt: number;
}
