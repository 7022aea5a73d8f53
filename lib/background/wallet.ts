/**
 * Builds the wallet in the background context and wires it to the browser's events.
 * Listeners are registered synchronously, at the worker's start, so no event is missed.
 */
import { browser } from 'wxt/browser';
import { openWalletDb } from '../db/database';
import { Vault } from '../vault/vault';
import { browserSessionStore } from '../vault/session-store';
import { AutoLock, AUTOLOCK_ALARM } from '../vault/autolock';
import { Keyring } from '../keys/keyring';
import { Grants, toPublicGrant } from '../grants/grants';
import { Ledger } from '../ledger/ledger';
import { BudgetGate } from '../budget/gate';
import { RateLimiter } from '../ratelimit/limiter';
import { Approvals } from '../approvals/approvals';
import { UI_CHANGED } from '../protocol/ui';
import { SettingsStore } from '../settings/settings';
import type { WalletContext } from './context';
import { PortHub } from './ports';
import { UnlockPrompt } from './unlock-prompt';
import { browserWindows } from './windows';
import { acceptPagePort } from './page-port';
import { handleUiMessage } from './ui-message';
import { keepAliveWhile } from './keepalive';
import { providerDirectory } from './directory';

export function startWallet(): WalletContext {
  const now = () => Date.now();
  const db = openWalletDb();
  const windows = browserWindows();
  const ports = new PortHub();
  const autolock = new AutoLock(15);
  let uiTimer: ReturnType<typeof setTimeout> | null = null;
  const uiChanged = () => {
    uiTimer ??= setTimeout(() => {
      uiTimer = null;
      browser.runtime.sendMessage({ type: UI_CHANGED }).catch(() => undefined);
    }, 50);
  };
  const vault: Vault = new Vault({
    db,
    session: browserSessionStore(),
    now,
    onChange(status) {
      if (status.unlocked) {
        unlock.unlocked();
        autolock.touch(true);
        ports.emit(null, 'unlock', null);
      } else {
        autolock.stop();
        ports.emit(null, 'lock', null);
      }
      uiChanged();
    },
  });
  const unlock = new UnlockPrompt(vault, windows);
  const grants = new Grants(db);
  const ctx: WalletContext = {
    db,
    vault,
    keyring: new Keyring(db, vault, now),
    grants,
    ledger: new Ledger(db, now, (grant) => grants.remember(grant)),
    gate: new BudgetGate(),
    limiter: new RateLimiter(now),
    approvals: new Approvals(db, windows, now),
    unlock,
    ports,
    providers: providerDirectory(db),
    settings: new SettingsStore(db),
    now,
    async grantChanged(origin) {
      const grant = await grants.get(origin);
      ports.emit(origin, 'grantChanged', grant ? toPublicGrant(grant, now()) : null);
      uiChanged();
    },
    uiChanged,
  };

  const ready = (async () => {
    await ctx.ledger.recoverPending();
    await ctx.approvals.recover();
    autolock.setMinutes((await ctx.settings.get()).autoLockMinutes);
  })();
  ready.catch(() => undefined);

  browser.runtime.onConnect.addListener((port) => {
    autolock.touch();
    acceptPagePort(ctx, ready, port);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    handleUiMessage({ ctx, settingsChanged: (s) => autolock.setMinutes(s.autoLockMinutes) }, ready, message, sender),
  );
  browser.windows.onRemoved.addListener((windowId) => {
    void ctx.approvals.windowClosed(windowId);
    unlock.windowClosed(windowId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === AUTOLOCK_ALARM) void vault.lock();
  });
  keepAliveWhile(() => ports.inflightCount() > 0);
  return ctx;
}
