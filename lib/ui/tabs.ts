/** The popup's view of the current tab. */
import { browser } from 'wxt/browser';

export async function activeTabOrigin(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url) return null;
  try {
    const url = new URL(tab.url);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function openOptions(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** The options page in a new tab, at `path` (e.g. lib/sites/popup.ts siteSettingsPath). */
export async function openOptionsAt(path: string): Promise<void> {
  await browser.tabs.create({ url: new URL(path, browser.runtime.getURL('/')).href });
}
