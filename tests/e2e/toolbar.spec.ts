/**
 * The toolbar button: the manifest's icons exist at their declared sizes, and the badge says
 * when requests wait for the person and when the wallet is locked.
 */
import { expect, PASSPHRASE, test, TEST_KEY } from './fixtures';
import { byokCall } from './po/app';
import { approve } from './po/approval-window';
import { walletWithKeys } from './po/setup';

/** The parts of the worker's `chrome` these tests read. */
interface WorkerChrome {
  runtime: { getManifest(): { icons?: Record<string, string>; action?: { default_icon?: Record<string, string> } }; getURL(path: string): string };
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
}

test('every icon the manifest declares exists at its declared size', async ({ sw }) => {
  const icons = await sw.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const manifest = chrome.runtime.getManifest();
    const declared = { ...manifest.icons, ...Object.fromEntries(Object.entries(manifest.action?.default_icon ?? {}).map(([k, v]) => [`action ${k}`, v])) };
    return Promise.all(
      Object.entries(declared).map(async ([size, path]) => {
        const bitmap = await createImageBitmap(await (await fetch(chrome.runtime.getURL(path))).blob());
        return { size: size.replace('action ', ''), width: bitmap.width, height: bitmap.height };
      }),
    );
  });
  expect(icons.map((i) => i.size).sort()).toEqual(['128', '128', '16', '16', '32', '32', '48', '48']);
  for (const icon of icons) expect([icon.width, icon.height]).toEqual([Number(icon.size), Number(icon.size)]);
});

test('the badge counts a request waiting for approval, and shows the lock', async ({ sw, context, options, app, mock }) => {
  const badge = () =>
    sw.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
      return { text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) };
    });
  await walletWithKeys(options, mock.url, TEST_KEY, PASSPHRASE);
  await expect.poll(badge).toEqual({ text: '', title: 'byok: unlocked' });

  const connecting = byokCall(app, 'connect', {});
  await expect.poll(badge).toEqual({ text: '1', title: 'byok: a request is waiting for you' });
  await approve(context);
  await connecting;
  await expect.poll(badge).toEqual({ text: '', title: 'byok: unlocked' });

  const page = await options.open();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect.poll(badge).toEqual({ text: '🔒', title: 'byok: locked' });
});
