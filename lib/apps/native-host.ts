/**
 * The native-messaging host's lifetime, from the wallet's side: while "Allow local apps" is on,
 * the wallet keeps a port to the host (`runtime.connectNative`), started again when the worker
 * restarts (wallet.ts applies the setting at every start) and after the host exits.
 */
import { browser, type Browser } from 'wxt/browser';
import { BRIDGE_HOST_NAME } from '../protocol/bridge-limits';
import type { ToHost } from '../protocol/bridge';
import type { WalletContext } from '../background/context';
import type { Settings } from '../settings/settings';
import { AppTokens } from './app-tokens';
import { AppDispatcher } from './dispatch';
import { HostMessages } from './message-parts';

export interface LocalAppsStatus {
  enabled: boolean;
  state: 'off' | 'starting' | 'running' | 'error';
  /** `http://127.0.0.1:PORT` once the host listens. */
  address?: string;
  error?: string;
}

const MAX_BACKOFF_MS = 30_000;

export class LocalAppsHost {
  private port: Browser.runtime.Port | null = null;
  private status: LocalAppsStatus = { enabled: false, state: 'off' };
  private wantedPort = 0;
  private retryMs = 1_000;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly tokens: AppTokens;

  constructor(
    private readonly ctx: WalletContext,
    private readonly ready: () => Promise<void>,
  ) {
    this.tokens = new AppTokens(ctx.db);
  }

  current(): LocalAppsStatus {
    return this.status;
  }

  /** Follows the settings: starts the host when local apps are allowed, stops it when not. */
  apply(settings: Pick<Settings, 'allowLocalApps' | 'localAppsPort'>): void {
    this.wantedPort = settings.localAppsPort;
    if (settings.allowLocalApps && !this.port) this.start();
    if (!settings.allowLocalApps) this.stop();
  }

  private set(status: LocalAppsStatus): void {
    this.status = status;
    this.ctx.uiChanged();
  }

  private start(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.set({ enabled: true, state: 'starting' });
    let port: Browser.runtime.Port;
    try {
      port = browser.runtime.connectNative(BRIDGE_HOST_NAME);
    } catch (error) {
      return this.failed(error instanceof Error ? error.message : String(error));
    }
    this.port = port;
    const send = (message: ToHost) => {
      if (this.port === port) port.postMessage(message);
    };
    const dispatcher = new AppDispatcher(this.ctx, this.tokens, send);
    const messages = new HostMessages();
    port.onMessage.addListener((raw: unknown) => {
      const message = messages.accept(raw);
      if (!message) return;
      if (message.t === 'ready') {
        this.retryMs = 1_000;
        this.set({ enabled: true, state: 'running', address: `http://127.0.0.1:${message.port}` });
        // The same address next time, so the app's environment keeps working.
        if (message.port !== this.wantedPort) void this.ctx.settings.set({ localAppsPort: message.port });
        return;
      }
      void this.ready().then(() => dispatcher.handle(message));
    });
    port.onDisconnect.addListener(() => {
      const reason = browser.runtime.lastError?.message ?? (port as { error?: { message?: string } }).error?.message;
      dispatcher.closed();
      if (this.port !== port) return;
      this.port = null;
      this.failed(reason ?? 'the byok-bridge host exited');
    });
    port.postMessage({ t: 'listen', port: this.wantedPort } satisfies ToHost);
  }

  /** The host could not start or went away: say why, and try again while local apps are allowed. */
  private failed(reason: string): void {
    this.set({ enabled: true, state: 'error', error: `${reason}. Is byok-bridge installed? Run: npx byok-bridge install` });
    this.retry = setTimeout(() => this.start(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_BACKOFF_MS);
  }

  private stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const port = this.port;
    this.port = null;
    port?.disconnect();
    if (this.status.state !== 'off') this.set({ enabled: false, state: 'off' });
  }
}

let running: LocalAppsHost | null = null;

/** Made once per worker (wallet.ts). */
export function startLocalApps(ctx: WalletContext, ready: () => Promise<void>): LocalAppsHost {
  running = new LocalAppsHost(ctx, ready);
  return running;
}

/** What the options page shows (`apps.status`). */
export function localAppsStatus(): LocalAppsStatus {
  return running?.current() ?? { enabled: false, state: 'off' };
}
