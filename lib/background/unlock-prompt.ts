/**
 * When a request needs the wallet unlocked, one unlock window is opened and every such request
 * waits for it: unlocking lets them all proceed; closing the window rejects them with 4900.
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import type { Vault } from '../vault/vault';
import type { WindowOpener } from './windows';
import type { SetupPrompt } from './setup-prompt';

export const UNLOCK_WINDOW = { width: 400, height: 420 };

export class UnlockPrompt {
  private windowId: number | null = null;
  /** The window being opened or focused, shared by requests that arrive meanwhile (one window, never one each). */
  private showing: Promise<void> | null = null;
  private waiters: { resolve(): void; reject(e: WalletError): void }[] = [];

  constructor(
    private readonly vault: Vault,
    private readonly windows: WindowOpener,
    private readonly setup: SetupPrompt,
  ) {}

  /** Resolves once the vault is unlocked, prompting if needed; 4900 if the person does not. */
  async ensureUnlocked(origin: string): Promise<void> {
    let status = await this.vault.status();
    if (!status.exists) {
      // Installed but never set up: the request waits while the person creates the wallet,
      // which leaves it unlocked.
      await this.setup.waitUntil(origin, async () => (await this.vault.status()).exists);
      status = await this.vault.status();
    }
    if (status.unlocked) return;
    const waiting = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.showing ??= this.show().finally(() => {
      this.showing = null;
    });
    await this.showing;
    return waiting;
  }

  private async show(): Promise<void> {
    if (this.windowId === null || !(await this.windows.exists(this.windowId))) {
      this.windowId = await this.windows.open('/unlock.html', UNLOCK_WINDOW);
    } else {
      await this.windows.focus(this.windowId);
    }
  }

  /** How many requests wait for the unlock window. */
  waitingCount(): number {
    return this.waiters.length;
  }

  /** The vault was unlocked (from any page): release the waiters and close the window. */
  unlocked(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
    if (this.windowId !== null) void this.windows.close(this.windowId);
    this.windowId = null;
  }

  windowClosed(windowId: number): void {
    if (windowId !== this.windowId) return;
    this.windowId = null;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new WalletError(ErrorCode.locked, messages.locked()));
  }
}
