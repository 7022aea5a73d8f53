/** Common first steps: a wallet with the mock's OpenAI and Anthropic keys, and a connected app. */
import type { BrowserContext, Page } from '@playwright/test';
import type { OptionsPage } from './options-page';
import { approve } from './approval-window';
import { byokCall } from './app';

export async function walletWithKeys(options: OptionsPage, mockUrl: string, key: string, passphrase: string): Promise<void> {
  await options.createWallet(passphrase);
  await options.addKey({ provider: 'OpenAI', name: 'Mock OpenAI', key, baseUrl: `${mockUrl}/v1` });
  await options.addKey({ provider: 'Anthropic', name: 'Mock Anthropic', key, baseUrl: mockUrl });
}

/** connect() from `app`, approved in the approval window with `budget`. */
export async function connectApproved(context: BrowserContext, app: Page, request: unknown = {}, budget?: string): Promise<unknown> {
  const connecting = byokCall(app, 'connect', request);
  await approve(context, budget === undefined ? {} : { budget });
  return connecting;
}
