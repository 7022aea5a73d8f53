/**
 * Builds the wallet in the background context and wires it to the browser's events.
 * Listeners are registered synchronously, at the worker's start, so no event is missed.
 */
import { browser } from 'wxt/browser';
import { openWalletDb } from '../db/database';
import { browserSessionStore } from '../vault/session-store';
import { AutoLock } from '../vault/autolock';
import { UI_CHANGED } from '../protocol/ui';
import type { WalletContext } from './context';
import { browserWindows } from './windows';
import { acceptPagePort } from './page-port';
import { acceptLane, pageLanes } from './page-lane';
import { handleUiMessage } from './ui-message';
import { keepAliveWhile } from './keepalive';
import { providerDirectory } from './directory';
import { createWalletContext } from './create-context';
import { showBadge, type BadgeState } from './badge';
import { startDailyKeyChecks } from './key-checks';
import { startLocalApps } from '../apps/native-host';
import type { Settings } from '../settings/settings';
import { metricsTracer } from '../pipeline/trace';

export function startWallet(): WalletContext {
  const db = openWalletDb();
  const autolock = new AutoLock(15);
  let uiTimer: ReturnType<typeof setTimeout> | null = null;
  let badgeTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshBadge = () => {
    badgeTimer ??= setTimeout(() => {
      badgeTimer = null;
      void badgeState(ctx).then(showBadge, () => undefined);
    }, 50);
  };
  const ctx = createWalletContext({
    db,
    session: browserSessionStore(),
    windows: browserWindows(),
    providers: providerDirectory(db),
    // Built for the bench (`npm run build:diagnostics`): the pipeline's stages are timed.
    ...(import.meta.env.BYOK_DIAGNOSTICS ? { tracer: metricsTracer } : {}),
    uiChanged() {
      uiTimer ??= setTimeout(() => {
        uiTimer = null;
        browser.runtime.sendMessage({ type: UI_CHANGED }).catch(() => undefined);
      }, 50);
      refreshBadge();
    },
    // Only work a site was allowed to do counts as use of the wallet: a page cannot keep the
    // wallet unlocked by sending requests it has no grant for.
    activity: () => autolock.touch(),
    vaultChanged(status) {
      if (status.unlocked) {
        autolock.touch(true);
        keyChecks.unlocked();
      } else autolock.stop();
      refreshBadge();
    },
  });
  const { vault, ports } = ctx;
  const keyChecks = startDailyKeyChecks(ctx);
  // Diagnostics for the bench and the e2e tests that read them, in their build only (never in
  // the one that ships: tests/e2e/diagnostics.spec.ts): timings and counts, no request content.
  if (import.meta.env.BYOK_DIAGNOSTICS) Object.assign(globalThis, { byokMetrics: ctx.metrics, byokSentOn: ports.sentOn });
  const unlock = ctx.unlock;

  // Local apps (byok-bridge): the host runs while the setting is on, from every worker start (applied in `ready`).
  const localApps = startLocalApps(ctx, () => ready);
  const ready = (async () => {
    await ctx.ledger.recoverPending();
    await ctx.approvals.recover();
    autolock.setMinutes((await ctx.settings.get()).autoLockMinutes);
    localApps.apply(await ctx.settings.get());
    refreshBadge();
  })();
  ready.catch(() => undefined);

  // Firefox's background is not a service worker: no frame can hand it a port (lib/lane).
  const lanes = import.meta.env.FIREFOX ? undefined : pageLanes(ctx, ready, () => void browser.runtime.getPlatformInfo());
  if (lanes) {
    // Diagnostics too: the origins of hand-overs waiting for their token (the attack e2e reads them).
    if (import.meta.env.BYOK_DIAGNOSTICS) Object.assign(globalThis, { byokLanes: lanes });
    self.addEventListener('message', (event) => acceptLane(lanes, event as MessageEvent, self.location));
  }
  browser.runtime.onConnect.addListener((port) => {
    acceptPagePort(ctx, ready, port, lanes);
  });
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    autolock.touch(); // every command from an extension page is activity too
    const settingsChanged = (s: Settings) => {
      autolock.setMinutes(s.autoLockMinutes);
      localApps.apply(s);
    };
    return handleUiMessage({ ctx, settingsChanged }, ready, message, sender);
  });
  browser.tabs.onRemoved.addListener((tabId) => ctx.setup.tabClosed(tabId));
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First run: the welcome step (create the wallet, add a key, see how a site connects).
    if (reason === 'install') void ctx.setup.show();
  });
  // The wallet's windows opening and closing change what waits for the person.
  browser.windows.onCreated.addListener(refreshBadge);
  browser.windows.onRemoved.addListener((windowId) => {
    refreshBadge();
    void ctx.approvals.windowClosed(windowId);
    unlock.windowClosed(windowId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (autolock.expired(alarm.name)) void vault.lock();
  });
  keepAliveWhile(() => ports.inflightCount() > 0);
  return ctx;
}

/** What the toolbar badge shows: requests waiting for a window of the wallet's, and the lock. */
async function badgeState(ctx: WalletContext): Promise<BadgeState> {
  const status = await ctx.vault.status();
  const waiting = (await ctx.db.approvals.count()) + ctx.unlock.waitingCount() + ctx.setup.waitingOrigins().length;
  return { exists: status.exists, locked: !status.unlocked, waiting };
}
