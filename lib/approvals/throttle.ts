/**
 * Prompt spam limits (docs/THREAT_MODEL.md), kept per origin and per tab: one pending prompt per
 * origin, at most {@link MAX_PENDING_PER_TAB} per tab (a page embedding frames of many origins
 * cannot multiply its prompts), and three rejections within 30 s block the origin, or the tab,
 * for 60 s.
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';

const REJECTION_WINDOW_MS = 30_000;
const REJECTIONS_TO_BLOCK = 3;
const BLOCK_MS = 60_000;
/** Prompts one tab may have waiting at once (its frames together): the one shown and two queued. */
export const MAX_PENDING_PER_TAB = 3;

/** Who asks: the frame's origin and, for a page, the tab it is in. */
export interface Asker {
  origin: string;
  tabId?: number | undefined;
}

const originKey = (origin: string) => `origin ${origin}`;
const tabKey = (tabId: number) => `tab ${tabId}`;

export class PromptThrottle {
  private readonly rejections = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  /** Origins with a prompt in progress: claimed synchronously, so same-tick asks cannot open a second one. */
  private readonly origins = new Set<string>();
  /** Prompts in progress per tab, claimed the same way. */
  private readonly tabs = new Map<number, number>();

  constructor(private readonly now: () => number) {}

  /**
   * Claims the asker's prompt slot, or throws 4290 (blocked, a prompt of this origin pending, or
   * the tab's limit reached). Returns the release, to call once the prompt has ended.
   */
  claim(asker: Asker): () => void {
    this.assertNotBlocked(asker);
    const { origin, tabId } = asker;
    if (this.origins.has(origin)) throw new WalletError(ErrorCode.rateLimited, messages.promptPending());
    if (tabId !== undefined && (this.tabs.get(tabId) ?? 0) >= MAX_PENDING_PER_TAB) {
      throw new WalletError(ErrorCode.rateLimited, messages.tooManyPending());
    }
    this.origins.add(origin);
    if (tabId !== undefined) this.tabs.set(tabId, (this.tabs.get(tabId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.origins.delete(origin);
      if (tabId === undefined) return;
      const left = (this.tabs.get(tabId) ?? 1) - 1;
      if (left > 0) this.tabs.set(tabId, left);
      else this.tabs.delete(tabId);
    };
  }

  /** Throws 4290 while the origin or its tab is blocked after repeated rejections. */
  assertNotBlocked(asker: Asker): void {
    for (const key of this.keys(asker)) {
      const blocked = this.blockedUntil.get(key) ?? 0;
      if (blocked > this.now()) {
        throw new WalletError(ErrorCode.rateLimited, messages.promptBlocked(Math.ceil((blocked - this.now()) / 1000)));
      }
    }
  }

  /**
   * The person dismissed a prompt the asker caused: counts toward blocking its origin and its tab.
   * Prompts of one tab dismissed at the same instant (one window closed: the unlock window they
   * waited for, or the approval window they were queued in) count once for the tab.
   */
  noteRejection(asker: Asker): void {
    const now = this.now();
    for (const key of this.keys(asker)) {
      const recent = (this.rejections.get(key) ?? []).filter((t) => now - t < REJECTION_WINDOW_MS);
      if (key !== originKey(asker.origin) && recent.at(-1) === now) continue;
      recent.push(now);
      this.rejections.set(key, recent);
      if (recent.length >= REJECTIONS_TO_BLOCK) {
        this.blockedUntil.set(key, now + BLOCK_MS);
        this.rejections.delete(key);
      }
    }
  }

  private keys({ origin, tabId }: Asker): string[] {
    return tabId === undefined ? [originKey(origin)] : [originKey(origin), tabKey(tabId)];
  }
}
