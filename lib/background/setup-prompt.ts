/**
 * First run: a site asked to connect before the wallet, or any key, exists. The wallet opens its
 * setup page once (the options page, on its welcome step) and every such request waits there
 * while the person sets up; each goes on as soon as what it needs exists. Closing the setup page
 * first rejects them with 4001, as closing an approval window does (docs/API.md, "For testers").
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { WindowOpener } from './windows';

interface Waiter {
  origin: string;
  ready: () => Promise<boolean>;
  resolve(): void;
  reject(error: WalletError): void;
}

export class SetupPrompt {
  private tabId: number | null = null;
  private opening: Promise<void> | null = null;
  private waiters: Waiter[] = [];
  private checking = false;
  private recheck = false;

  constructor(
    private readonly windows: WindowOpener,
    /** The set of waiting sites changed: the setup page names them. */
    private readonly onWaitersChanged: () => void = () => undefined,
  ) {}

  /**
   * Resolves once `ready()` holds, showing the setup page meanwhile; 4001 if the person closes it.
   * `origin` is the site that waits, named on the page.
   */
  async waitUntil(origin: string, ready: () => Promise<boolean>): Promise<void> {
    if (await ready()) return;
    const waiting = new Promise<void>((resolve, reject) => this.waiters.push({ origin, ready, resolve, reject }));
    this.onWaitersChanged();
    await this.show();
    return waiting;
  }

  /** The sites waiting, each once, in the order they asked. */
  waitingOrigins(): string[] {
    return [...new Set(this.waiters.map((w) => w.origin))];
  }

  /** Opens the setup page, or focuses it if it is open: one page, however many ask at once. */
  show(): Promise<void> {
    this.opening ??= this.windows
      .openSetup(this.tabId)
      .then((id) => {
        this.tabId = id;
      })
      .finally(() => {
        this.opening = null;
      });
    return this.opening;
  }

  /** The person did something in the wallet's pages: release the requests whose setup is done. */
  changed(): void {
    if (this.waiters.length === 0) return;
    if (this.checking) {
      this.recheck = true;
      return;
    }
    this.checking = true;
    void this.releaseReady().finally(() => {
      this.checking = false;
      if (this.recheck) {
        this.recheck = false;
        this.changed();
      }
    });
  }

  /** A tab closed: if it was the setup page, the requests waiting on it are rejected. */
  tabClosed(tabId: number): void {
    if (tabId !== this.tabId) return;
    this.tabId = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new WalletError(ErrorCode.userRejected, messages.setupClosed()));
    if (waiters.length) this.onWaitersChanged();
  }

  private async releaseReady(): Promise<void> {
    for (const waiter of [...this.waiters]) {
      const done = await waiter.ready().catch(() => false);
      if (!done) continue;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve();
      this.onWaitersChanged();
    }
  }
}
