/** Control (issue 4): a site's settings, the dashboard, the request log, the audit log and the popup, by accessible names. */
import type { BrowserContext, Download, Locator, Page } from '@playwright/test';
import { goToView, type OptionsPage } from './options-page';

export interface SiteEdit {
  /** The models allowed afterwards (each checked; every other unchecked). */
  models?: string[];
  defaultModel?: string;
  /** Model → the key's name (the option "via NAME"). */
  keys?: Record<string, string>;
  budget?: string;
  period?: 'per day' | 'per week' | 'per month' | 'in total';
  ratePerMinute?: string;
  overBudget?: 'Ask me to raise the budget' | 'Refuse the request';
}

/** Opens the Settings panel of `origin` in the Connected sites list (Sites & apps); returns its form. */
export async function openSiteSettings(options: OptionsPage, origin: string): Promise<Locator> {
  const page = await options.view('Sites & apps');
  const form = page.getByRole('form', { name: `Settings for ${origin}` });
  if (!(await form.isVisible())) await options.site(origin).getByRole('button', { name: 'Settings' }).click();
  await form.getByRole('button', { name: 'Save site settings' }).waitFor();
  return form;
}

/** Edits a site's settings and saves them; waits until the wallet said they were saved. */
export async function editSite(options: OptionsPage, origin: string, edit: SiteEdit): Promise<Locator> {
  const form = await openSiteSettings(options, origin);
  if (edit.models) {
    const boxes = form.getByRole('group', { name: 'Allowed models' }).getByRole('checkbox');
    for (const box of await boxes.all()) {
      const model = (await box.evaluate((el) => el.parentElement?.textContent ?? '')).trim();
      await box.setChecked(edit.models.includes(model));
    }
  }
  for (const [model, keyName] of Object.entries(edit.keys ?? {})) await form.getByLabel(`Key for ${model}`).selectOption({ label: `via ${keyName}` });
  if (edit.defaultModel) await form.getByLabel('Default model').selectOption(edit.defaultModel);
  if (edit.budget !== undefined) await form.getByLabel('Budget amount (USD)').fill(edit.budget);
  if (edit.period) await form.getByLabel('Budget period').selectOption({ label: edit.period });
  if (edit.ratePerMinute !== undefined) await form.getByLabel('Requests per minute').fill(edit.ratePerMinute);
  if (edit.overBudget) await form.getByLabel('When over budget').selectOption({ label: edit.overBudget });
  await form.getByRole('button', { name: 'Save site settings' }).click();
  await form.getByRole('status').filter({ hasText: 'Site settings saved' }).waitFor();
  return form;
}

/** Pause or Resume in the site's row. */
export async function toggleSitePause(options: OptionsPage, origin: string, action: 'Pause' | 'Resume'): Promise<void> {
  await options.view('Sites & apps');
  await options.site(origin).getByRole('button', { name: action }).click();
  await options.site(origin).getByRole('button', { name: action === 'Pause' ? 'Resume' : 'Pause' }).waitFor();
}

/** Sets a price for `model` on the key named `keyName` (the Prices section, in Settings). */
export async function setKeyPrice(options: OptionsPage, keyName: string, model: string, inputPerM: number, outputPerM: number): Promise<void> {
  const page = await options.view('Settings');
  await page.getByLabel('Price key').selectOption({ label: keyName });
  await options.setPrice(model, inputPerM, outputPerM);
}

/** The Dashboard, the request log and the audit log are in Usage and Security: show the view first (goToView). */
export function dashboard(page: Page): Locator {
  return page.getByRole('region', { name: 'Dashboard' });
}

export function requestLog(page: Page): Locator {
  return page.getByRole('region', { name: 'Recent requests' });
}

export function auditLog(page: Page): Locator {
  return page.getByRole('region', { name: 'Audit log' });
}

/** Export CSV in the request log: the file the browser downloads. */
export async function exportRequestsCsv(page: Page): Promise<Download> {
  await goToView(page, 'Usage');
  const download = page.waitForEvent('download');
  await requestLog(page).getByRole('button', { name: 'Export CSV' }).click();
  return download;
}

export async function exportAuditLog(page: Page, format: 'JSON' | 'CSV'): Promise<Download> {
  await goToView(page, 'Security');
  await auditLog(page).getByLabel('Audit export format').selectOption({ label: format });
  const download = page.waitForEvent('download');
  await auditLog(page).getByRole('button', { name: 'Export audit log' }).click();
  return download;
}

/**
 * The toolbar popup, opened in a tab for `origin`. In a tab the active tab is the popup itself,
 * so `?origin=` names the site (lib/sites/popup.ts); everything else is the popup as it is.
 */
export async function openPopup(context: BrowserContext, extensionId: string, origin: string, size?: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  if (size) await page.setViewportSize(size);
  await page.goto(`chrome-extension://${extensionId}/popup.html?origin=${encodeURIComponent(origin)}`);
  return page;
}
