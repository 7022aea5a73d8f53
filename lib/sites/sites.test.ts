/**
 * A site's settings: the details view, the form's changes (only what differs, validated), and the
 * changes applied through `grants.update` on the whole background (models, the key per model,
 * budget, rate limit, expiry, over-budget, pause) with the site's pages told.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../../tests/support/wallet-harness';
import { getSiteDetails } from '../background/ui/control';
import { updateGrant } from '../background/ui/grants';
import { runChat } from '../pipeline/capabilities/chat';
import { messages } from '../protocol/messages';
import { changesFromForm, formFromDetails, shownDefaults, fromLocalInput, toggleModel, toLocalInput, type SiteForm } from './form';
import { originParam, siteSettingsPath } from './popup';
import type { SiteDetails } from './details';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

const NOW = new Date(2026, 10, 23, 12, 0).getTime();

const details: SiteDetails = {
  grant: {
    origin: 'https://a.example',
    scopes: ['chat', 'models'],
    models: ['m1', 'm2'],
    defaultModel: 'm1',
    budget: { usd: 1, period: 'month' },
    spentUsd: 0.1,
    createdAt: 1,
    rateLimitPerMin: 30,
    paused: false,
  },
  routes: { m1: 'k1', m2: 'k1' },
  defaults: {},
  overBudget: null,
  walletOverBudget: 'refuse',
  choices: [
    { model: 'm1', keys: [{ id: 'k1', name: 'One', provider: 'openai' }] },
    { model: 'm2', keys: [{ id: 'k1', name: 'One', provider: 'openai' }, { id: 'k2', name: 'Two', provider: 'openai' }] },
    { model: 'm3', keys: [{ id: 'k2', name: 'Two', provider: 'openai' }] },
  ],
  keyFallback: null,
  fallbackKeys: [
    { id: 'k1', name: 'One', provider: 'openai' },
    { id: 'k2', name: 'Two', provider: 'openai' },
  ],
};

const form = (changes: Partial<SiteForm> = {}): SiteForm => ({ ...formFromDetails(details), ...changes });

describe('the site settings form', () => {
  it('an untouched form changes nothing', () => {
    expect(changesFromForm(form(), details, NOW)).toEqual({ ok: true, changes: {} });
  });

  it('sends only what differs', () => {
    const next = toggleModel(toggleModel(form(), details, 'm3'), details, 'm1');
    expect(next.models).toEqual(['m2', 'm3']);
    expect(next.routes).toEqual({ m2: 'k1', m3: 'k2' });
    expect(next.defaultModel).toBe('m2');
    const result = changesFromForm({ ...next, routes: { ...next.routes, m2: 'k2' }, budgetUsd: '0.005', period: 'day', rateLimitPerMin: '3', overBudget: 'ask', scopes: ['models', 'chat', 'embed'] }, details, NOW);
    expect(result).toEqual({
      ok: true,
      changes: {
        scopes: ['chat', 'models', 'embed'],
        models: ['m2', 'm3'],
        routes: { m2: 'k2', m3: 'k2' },
        defaultModel: 'm2',
        budget: { usd: 0.005, period: 'day' },
        rateLimitPerMin: 3,
        overBudget: 'ask',
      },
    });
  });

  it('a media scope gets its default: shown as the first choice, sent when picked or when the scope is added', () => {
    const media: SiteDetails = { ...details, grant: { ...details.grant, scopes: ['chat', 'speech'], models: ['m1', 'tts-1', 'tts-1-hd'] }, defaults: { speech: 'tts-1' } };
    const untouched = { ...formFromDetails(media) };
    expect(shownDefaults(untouched)).toEqual({ speech: 'tts-1' });
    expect(changesFromForm(untouched, media, NOW)).toEqual({ ok: true, changes: {} });
    expect(changesFromForm({ ...untouched, defaults: { speech: 'tts-1-hd' } }, media, NOW)).toEqual({ ok: true, changes: { defaults: { speech: 'tts-1-hd' } } });
    // Images added with no image model allowed: no default to send for it.
    expect(changesFromForm({ ...untouched, scopes: ['chat', 'speech', 'images'] }, media, NOW)).toEqual({ ok: true, changes: { scopes: ['chat', 'speech', 'images'] } });
    // Speech dropped: its default goes with it.
    expect(changesFromForm({ ...untouched, scopes: ['chat'] }, media, NOW)).toEqual({ ok: true, changes: { scopes: ['chat'], defaults: {} } });
  });

  it('a fallback order of its own, or back to the wallet’s', () => {
    expect(changesFromForm(form({ keyFallback: ['k2', 'k1'] }), details, NOW)).toEqual({ ok: true, changes: { keyFallback: ['k2', 'k1'] } });
    expect(changesFromForm(form({ keyFallback: [] }), details, NOW)).toEqual({ ok: true, changes: { keyFallback: [] } });
    const own = { ...details, keyFallback: ['k2'] };
    expect(formFromDetails(own).keyFallback).toEqual(['k2']);
    expect(changesFromForm(formFromDetails(own), own, NOW)).toEqual({ ok: true, changes: {} });
    expect(changesFromForm({ ...formFromDetails(own), keyFallback: 'wallet' }, own, NOW)).toEqual({ ok: true, changes: { keyFallback: null } });
  });

  it('an expiry is set in local time, kept when untouched, cleared with an empty field', () => {
    const at = new Date(2026, 11, 24, 18, 30).getTime();
    expect(changesFromForm(form({ expires: '2026-12-24T18:30' }), details, NOW)).toEqual({ ok: true, changes: { expiresAt: at } });
    const expiring = { ...details, grant: { ...details.grant, expiresAt: at + 15_000 } };
    expect(formFromDetails(expiring).expires).toBe('2026-12-24T18:30');
    expect(changesFromForm(formFromDetails(expiring), expiring, NOW)).toEqual({ ok: true, changes: {} });
    expect(changesFromForm({ ...formFromDetails(expiring), expires: '' }, expiring, NOW)).toEqual({ ok: true, changes: { expiresAt: null } });
    expect(toLocalInput(at)).toBe('2026-12-24T18:30');
    expect(fromLocalInput('2026-02-31T10:00')).toBeNaN();
  });

  it.each([
    [{ scopes: [] }, 'siteNoScopes'],
    [{ models: [] }, 'siteNoModels'],
    [{ budgetUsd: '' }, 'siteBudgetInvalid'],
    [{ budgetUsd: '-1' }, 'siteBudgetInvalid'],
    [{ budgetUsd: 'abc' }, 'siteBudgetInvalid'],
    [{ budgetUsd: 'Infinity' }, 'siteBudgetInvalid'],
    [{ rateLimitPerMin: '0' }, 'siteRateInvalid'],
    [{ rateLimitPerMin: '2.5' }, 'siteRateInvalid'],
    [{ rateLimitPerMin: '10001' }, 'siteRateInvalid'],
    [{ expires: 'tomorrow' }, 'siteExpiryInvalid'],
    [{ expires: '2026-11-23T11:59' }, 'siteExpiryPast'],
  ] as [Partial<SiteForm>, 'siteNoScopes' | 'siteNoModels' | 'siteBudgetInvalid' | 'siteRateInvalid' | 'siteExpiryInvalid' | 'siteExpiryPast'][])('refuses %j', (changes, name) => {
    // The problem by name, so the page says it in the person's language; its English is the message.
    expect(changesFromForm(form(changes), details, NOW)).toEqual({ ok: false, error: { message: messages[name](), said: { name, values: [] } } });
  });
});

describe('the popup target', () => {
  it.each([
    ['?origin=https%3A%2F%2Fa.example', 'https://a.example'],
    ['?origin=http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['?origin=https://a.example/path?q', 'https://a.example'],
    ['?origin=javascript:alert(1)', null],
    ['?origin=chrome-extension://abc', null],
    ['?origin=', null],
    ['?origin=not a url', null],
    ['', null],
  ])('%s → %s', (search, origin) => {
    expect(originParam(search)).toBe(origin);
  });

  it("the popup's Settings opens the options page at the site, which reads it back", () => {
    const path = siteSettingsPath('https://chat.example.com:8443');
    expect(path).toBe('options.html?site=https%3A%2F%2Fchat.example.com%3A8443#sites');
    expect(originParam(path.slice(path.indexOf('?')), 'site')).toBe('https://chat.example.com:8443');
    expect(originParam('?site=javascript:alert(1)', 'site')).toBeNull();
  });
});

describe('site settings on the wallet', () => {
  async function harness() {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    const second = await h.ctx.keyring.add({ provider: 'openai', name: 'Second', secret: 'sk-test-second-0001', models: ['m', 'm2'], status: 'valid' });
    return { ...h, second: second.id };
  }

  it('the details list every model of the enabled keys with the keys that offer it', async () => {
    const h = await harness();
    const d = await getSiteDetails(h.ctx, { origin: TEST_ORIGIN });
    expect(d).toMatchObject({ routes: { m: h.keyId }, overBudget: null, walletOverBudget: 'refuse', grant: { models: ['m'] } });
    expect(d?.choices.map((c) => [c.model, c.keys.map((k) => k.name)])).toEqual([
      ['m', ['Fake', 'Second']],
      ['m2', ['Second']],
    ]);
    expect(await getSiteDetails(h.ctx, { origin: 'https://nobody.example' })).toBeNull();
  });

  it('models, the key per model, budget, rate limit, over-budget and pause change; the pages hear it', async () => {
    const h = await harness();
    const heard: unknown[] = [];
    vi.spyOn(h.ctx.ports, 'emit').mockImplementation((origin, name, data) => void heard.push({ origin, name, data }));
    const grant = await updateGrant(h.ctx, { origin: TEST_ORIGIN, models: ['m', 'm2'], routes: { m: h.second }, defaultModel: 'm2', budget: { usd: 0.5, period: 'day' }, rateLimitPerMin: 3, overBudget: 'ask' });
    expect(grant).toMatchObject({ models: ['m', 'm2'], defaultModel: 'm2', budget: { usd: 0.5, period: 'day' }, rateLimitPerMin: 3 });
    expect(heard).toEqual([{ origin: TEST_ORIGIN, name: 'grantChanged', data: grant }]);
    const stored = await h.ctx.grants.get(TEST_ORIGIN);
    expect(stored).toMatchObject({ routes: { m: h.second, m2: h.second }, overBudget: 'ask' });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, overBudget: null });
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.overBudget).toBeUndefined();
  });

  it('refuses a key that does not offer the model, or a model the site is not given', async () => {
    const h = await harness();
    await expect(updateGrant(h.ctx, { origin: TEST_ORIGIN, models: ['m2'], routes: { m2: h.keyId } })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('routes.m2') });
    await expect(updateGrant(h.ctx, { origin: TEST_ORIGIN, routes: { m2: h.second } })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining('not an allowed model') });
    await h.ctx.keyring.setEnabled(h.second, false);
    await expect(updateGrant(h.ctx, { origin: TEST_ORIGIN, routes: { m: h.second } })).rejects.toMatchObject({ code: -32602 });
  });

  it('a lower rate limit refuses the request past it with 4290, before anything is sent', async () => {
    const adapter = scriptedAdapter({});
    const h = await makeHarness({ adapter });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, rateLimitPerMin: 3 });
    const chat = () => runChat(h.ctx, { caller: { origin: TEST_ORIGIN }, request: { messages: [{ role: 'user', content: 'x' }], maxTokens: 1 }, signal: new AbortController().signal, onDelta: () => undefined });
    for (let i = 0; i < 3; i++) await chat();
    await expect(chat()).rejects.toMatchObject({ code: 4290 });
    expect(adapter.calls).toBe(3);
  });

  it('paused and expired sites are refused with 4100; resumed, they work again', async () => {
    const h = await makeHarness({ adapter: scriptedAdapter({}) });
    const chat = () => runChat(h.ctx, { caller: { origin: TEST_ORIGIN }, request: { messages: [{ role: 'user', content: 'x' }], maxTokens: 1 }, signal: new AbortController().signal, onDelta: () => undefined });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, paused: true });
    await expect(chat()).rejects.toMatchObject({ code: 4100, message: messages.grantPaused() });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, paused: false, expiresAt: Date.now() - 1 });
    await expect(chat()).rejects.toMatchObject({ code: 4100, message: messages.grantExpired() });
    await updateGrant(h.ctx, { origin: TEST_ORIGIN, expiresAt: null });
    await expect(chat()).resolves.toMatchObject({ text: 'Hello world' });
  });
});
