/** The options page, driven through its accessible names (docs/API.md, "For testers"). */
import type { BrowserContext, Page } from '@playwright/test';

export interface KeyInput {
  provider: 'OpenAI' | 'Anthropic' | 'OpenAI-compatible' | string;
  key: string;
  baseUrl?: string;
  name?: string;
}

/** The options page's views, by their names in the navigation (lib/ui/views.ts). */
export type ViewName = 'Keys' | 'Sites & apps' | 'Usage' | 'Settings' | 'Security';

/**
 * Shows a view as a person does: clicks its item in the Wallet navigation (unless it is the one
 * shown), then waits for the view's heading.
 */
export async function goToView(page: Page, name: ViewName): Promise<Page> {
  const link = page.getByRole('navigation', { name: 'Wallet' }).getByRole('link', { name, exact: true });
  if ((await link.getAttribute('aria-current')) !== 'page') await link.click();
  await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
  return page;
}

export class OptionsPage {
  page: Page | null = null;

  constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
  ) {}

  get url(): string {
    return `chrome-extension://${this.extensionId}/options.html`;
  }

  async open(): Promise<Page> {
    if (this.page && !this.page.isClosed()) {
      await this.page.bringToFront();
      return this.page;
    }
    this.page = await this.context.newPage();
    await this.page.goto(this.url);
    return this.page;
  }

  /** Opens the page on the view `name` (the wallet must be unlocked: the navigation is shown then). */
  async view(name: ViewName): Promise<Page> {
    return goToView(await this.open(), name);
  }

  async createWallet(passphrase: string): Promise<void> {
    const page = await this.open();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Confirm passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Create wallet' }).click();
    await page.getByRole('button', { name: 'Add key' }).waitFor();
  }

  async unlock(passphrase: string): Promise<void> {
    const page = await this.open();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock' }).click();
    // Unlocked: Lock shows at the top of whichever view the page is on.
    await page.getByRole('button', { name: 'Lock', exact: true }).waitFor();
  }

  async addKey(input: KeyInput): Promise<void> {
    const page = await this.view('Keys');
    await page.getByRole('button', { name: 'Add key' }).click();
    await page.getByLabel('Provider').selectOption({ label: input.provider });
    if (input.name) await page.getByLabel('Name', { exact: true }).fill(input.name);
    await page.getByLabel('API key').fill(input.key);
    if (input.baseUrl) await page.getByLabel('Base URL').fill(input.baseUrl);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByRole('button', { name: 'Add key' }).waitFor();
  }

  async setPrice(model: string, inputPerM: number, outputPerM: number): Promise<void> {
    const page = await this.view('Settings');
    await page.getByLabel('Price model').selectOption(model);
    await page.getByLabel('Input price (USD per million tokens)').fill(String(inputPerM));
    await page.getByLabel('Output price (USD per million tokens)').fill(String(outputPerM));
    await page.getByRole('button', { name: 'Set price' }).click();
    await page.getByText(`${model}: $${inputPerM} in`).waitFor();
  }

  /** A media model's price, in its own unit (the field the Prices form shows for it). */
  async setMediaPrice(model: string, unit: 'per million characters' | 'per minute of audio' | 'per image', usd: number): Promise<void> {
    const page = await this.view('Settings');
    await page.getByLabel('Price model').selectOption(model);
    await page.getByLabel(`Price (USD ${unit})`).fill(String(usd));
    await page.getByRole('button', { name: 'Set price' }).click();
    await page.getByRole('list', { name: 'Price overrides' }).getByText(model, { exact: false }).first().waitFor();
  }

  /** The row of a connected site (in Sites & apps). */
  site(origin: string) {
    return this.page!.getByRole('listitem', { name: origin });
  }

  async revoke(origin: string): Promise<void> {
    const page = await this.open();
    await page.reload();
    await goToView(page, 'Sites & apps');
    await this.site(origin).getByRole('button', { name: 'Revoke' }).click();
    await this.site(origin).waitFor({ state: 'detached' });
  }
}
