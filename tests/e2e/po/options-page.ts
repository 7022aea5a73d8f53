/** The options page, driven through its accessible names (docs/API.md, "For testers"). */
import type { BrowserContext, Page } from '@playwright/test';

export interface KeyInput {
  provider: 'OpenAI' | 'Anthropic' | 'OpenAI-compatible' | string;
  key: string;
  baseUrl?: string;
  name?: string;
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
    await page.getByRole('button', { name: 'Add key' }).waitFor();
  }

  async addKey(input: KeyInput): Promise<void> {
    const page = await this.open();
    await page.getByRole('button', { name: 'Add key' }).click();
    await page.getByLabel('Provider').selectOption({ label: input.provider });
    if (input.name) await page.getByLabel('Name', { exact: true }).fill(input.name);
    await page.getByLabel('API key').fill(input.key);
    if (input.baseUrl) await page.getByLabel('Base URL').fill(input.baseUrl);
    await page.getByRole('button', { name: 'Save key' }).click();
    await page.getByRole('button', { name: 'Add key' }).waitFor();
  }

  async setPrice(model: string, inputPerM: number, outputPerM: number): Promise<void> {
    const page = await this.open();
    await page.getByLabel('Price model').selectOption(model);
    await page.getByLabel('Input price (USD per million tokens)').fill(String(inputPerM));
    await page.getByLabel('Output price (USD per million tokens)').fill(String(outputPerM));
    await page.getByRole('button', { name: 'Set price' }).click();
    await page.getByText(`${model}: $${inputPerM} in`).waitFor();
  }

  /** The row of a connected site. */
  site(origin: string) {
    return this.page!.getByRole('listitem', { name: origin });
  }

  async revoke(origin: string): Promise<void> {
    const page = await this.open();
    await page.reload();
    await this.site(origin).getByRole('button', { name: 'Revoke' }).click();
    await this.site(origin).waitFor({ state: 'detached' });
  }
}
