/** The extension's own windows (approval, unlock): opened as popups, watched until closed. */
import { browser } from 'wxt/browser';

/** The options page on its first-run step. */
export const SETUP_PAGE = '/options.html#welcome';

export interface WindowOpener {
  /** Opens an extension page in its own popup window; resolves its window id. */
  open(path: string, size: { width: number; height: number }): Promise<number>;
  close(windowId: number): Promise<void>;
  exists(windowId: number): Promise<boolean>;
  focus(windowId: number): Promise<void>;
  /**
   * Shows the wallet's setup page (first run: a site asked before the wallet or a key existed):
   * focuses tab `tabId` if it is still open, else opens one. Resolves the tab's id.
   */
  openSetup(tabId: number | null): Promise<number | null>;
}

export function browserWindows(): WindowOpener {
  return {
    async open(path, size) {
      const win = await browser.windows.create({ url: browser.runtime.getURL(path as '/options.html'), type: 'popup', focused: true, ...size });
      if (win?.id === undefined) throw new Error('the browser gave the new window no id');
      return win.id;
    },
    async close(windowId) {
      await browser.windows.remove(windowId).catch(() => undefined);
    },
    async exists(windowId) {
      return browser.windows.get(windowId).then(
        () => true,
        () => false,
      );
    },
    async focus(windowId) {
      await browser.windows.update(windowId, { focused: true }).catch(() => undefined);
    },
    async openSetup(tabId) {
      if (tabId !== null) {
        const tab = await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
        if (tab?.windowId !== undefined) {
          await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
          return tabId;
        }
      }
      const tab = await browser.tabs.create({ url: browser.runtime.getURL(SETUP_PAGE) });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      return tab.id ?? null;
    },
  };
}
