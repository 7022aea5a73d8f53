/**
 * Speech, transcription and images in the wallet's pages (issue 24): the approval window names
 * each media scope in words, ticks the models that can do it, shows their prices in their own
 * units and a default model per capability (tts-1, whisper-1, dall-e-3 when offered); the
 * defaults picked are the grant's, shown and editable in the site's settings. The key is an
 * OpenAI-compatible endpoint that only lists models: approving needs no media route.
 */
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE, TEST_KEY } from './fixtures';
import { byokCall } from './po/app';
import { clickClosing, nextWindow } from './po/approval-window';
import { openSiteSettings } from './po/control';
import { startModelsServer, type ModelsServer } from './support/models-server';
import { AxeReport, textSizes } from './support/axe';

const MODELS = ['gpt-4o-mini', 'tts-1', 'tts-1-hd', 'whisper-1', 'gpt-4o-transcribe', 'dall-e-3', 'gpt-image-1'];

interface GrantView {
  scopes: string[];
  models: string[];
  defaultModel: string;
}

let server: ModelsServer;
test.beforeEach(async () => {
  server = await startModelsServer(MODELS);
});
test.afterEach(async () => {
  await server.close();
});

const modelBox = (win: Page, model: string) => win.getByRole('checkbox', { name: `${model} via` });

test('a site asking to speak, transcribe and draw: the scopes in words, the models that can, their prices in units, and a default for each', async ({ context, options, app }) => {
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI-compatible', name: 'Media', key: TEST_KEY, baseUrl: server.baseUrl });
  // A price in the model's own unit, entered on the Prices form (an endpoint on this computer is free otherwise).
  const settings = await options.view('Settings');
  await settings.getByLabel('Price model').selectOption('dall-e-3');
  await settings.getByLabel('Price (USD per image)').fill('0.04');
  await settings.getByRole('button', { name: 'Set price' }).click();
  await expect(settings.getByRole('list', { name: 'Price overrides' })).toContainText('dall-e-3: $0.04 / image');

  const connecting = byokCall<GrantView>(app, 'connect', { scopes: ['speech', 'transcription', 'images'] });
  const win = await nextWindow(context, 'approve.html');
  await modelBox(win, 'tts-1').waitFor();
  await expect(win.getByRole('list', { name: 'It asks to' }).getByRole('listitem')).toHaveText(['turn text into speech', 'transcribe audio', 'create images']);
  for (const model of MODELS.slice(1)) await expect(modelBox(win, model)).toBeChecked();
  await expect(modelBox(win, 'gpt-4o-mini')).not.toBeChecked();
  await expect(modelBox(win, 'dall-e-3')).toHaveAccessibleDescription('$0.04 / image');
  await expect(modelBox(win, 'tts-1')).toHaveAccessibleDescription('free (local)');

  // A default per capability, OpenAI's standard model first; no chat default for a site that does not chat.
  await expect(win.getByLabel('Default speech model')).toHaveValue('tts-1');
  await expect(win.getByLabel('Default transcription model')).toHaveValue('whisper-1');
  await expect(win.getByLabel('Default image model')).toHaveValue('dall-e-3');
  await expect(win.getByLabel('Default speech model').locator('option')).toHaveText(['tts-1', 'tts-1-hd']);
  await expect(win.getByLabel('Default model', { exact: true })).toHaveCount(0);
  await expect(win.getByTestId('chats-estimate')).toHaveCount(0);

  // Unticking the only image models leaves images without a default, and says so.
  await modelBox(win, 'dall-e-3').uncheck();
  await expect(win.getByLabel('Default image model')).toHaveValue('gpt-image-1');
  await modelBox(win, 'gpt-image-1').uncheck();
  await expect(win.getByTestId('no-images-model')).toHaveText('No allowed model can create images: tick one above, or add a key that offers one.');
  await modelBox(win, 'dall-e-3').check();

  const axe = new AxeReport();
  await axe.check(win, 'approval: media scopes');
  expect(axe.problems, axe.summary()).toEqual([]);
  expect((await textSizes(win)).small).toEqual([]);

  await win.getByLabel('Default speech model').selectOption('tts-1-hd');
  await clickClosing(win, 'Approve');
  expect(await connecting).toMatchObject({ scopes: ['speech', 'transcription', 'images'], defaultModel: 'tts-1-hd' });

  // An active grant covers the media scopes: asking again resolves without a window.
  expect(await byokCall<GrantView>(app, 'connect', { scopes: ['speech'] })).toMatchObject({ scopes: ['speech', 'transcription', 'images'] });

  // The site's settings: the scopes in words, the defaults as approved, editable.
  const origin = new URL(app.url()).origin;
  const form = await openSiteSettings(options, origin);
  await expect(form.getByRole('checkbox', { name: 'turn text into speech' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'chat with AI models' })).not.toBeChecked();
  await expect(form.getByLabel('Default speech model')).toHaveValue('tts-1-hd');
  await expect(form.getByLabel('Default transcription model')).toHaveValue('whisper-1');
  await expect(form.getByLabel('Default image model')).toHaveValue('dall-e-3');
  await form.getByLabel('Default transcription model').selectOption('gpt-4o-transcribe');
  await form.getByRole('button', { name: 'Save site settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Site settings saved');
  await options.page!.reload();
  const reopened = await openSiteSettings(options, origin);
  await expect(reopened.getByLabel('Default transcription model')).toHaveValue('gpt-4o-transcribe');
});

test('the audit log records the media scopes and defaults granted', async ({ context, options, app }) => {
  await options.createWallet(PASSPHRASE);
  await options.addKey({ provider: 'OpenAI-compatible', name: 'Media', key: TEST_KEY, baseUrl: server.baseUrl });
  const connecting = byokCall<GrantView>(app, 'connect', { scopes: ['chat', 'speech'] });
  const win = await nextWindow(context, 'approve.html');
  await expect(win.getByLabel('Default speech model')).toHaveValue('tts-1');
  await expect(win.getByLabel('Default model', { exact: true })).toHaveValue('gpt-4o-mini');
  await clickClosing(win, 'Approve');
  expect(await connecting).toMatchObject({ scopes: ['chat', 'speech'], defaultModel: 'gpt-4o-mini' });
  const security = await options.view('Security');
  await expect(security.getByText('speech=tts-1')).toBeVisible();
});
