/** The extension's own windows (approval, unlock): opened as popups, watched until closed. */
import { browser } from 'wxt/browser';

export interface WindowOpener {
  /** Opens an extension page in its own popup window; resolves its window id. */
  open(path: string, size: { width: number; height: number }): Promise<number>;
  close(windowId: number): Promise<void>;
  exists(windowId: number): Promise<boolean>;
  focus(windowId: number): Promise<void>;
  /** Opens the options page (first run: a site asked before the wallet was created). */
  openSetup(): Promise<void>;
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
    async openSetup() {
      await browser.runtime.openOptionsPage().catch(() => undefined);
    },
  };
}
