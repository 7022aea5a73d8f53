/**
 * Over budget, on the whole background (the pipeline harness): refuse (4402) by default; with
 * "ask", the approval window asks to raise the budget, and nothing reaches the provider before
 * the person decides.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeHarness, scriptedAdapter, TEST_ORIGIN, type Harness } from '../../tests/support/wallet-harness';
import { runChat } from '../pipeline/capabilities/chat';
import { approveRaise } from './raise-budget';
import { decideApproval, getApproval } from './ui/grants';
import { messages } from '../protocol/messages';
import type { ChatRequest } from '../protocol/chat';

vi.mock('../crypto/kdf', async (importOriginal) => (await import('../../tests/support/vault')).fastKdf(await importOriginal()));

// At the harness's price ($1000 per million tokens in and out), this request may cost up to
// (26 input + 10 output tokens) x $0.001 = $0.036.
const request: ChatRequest = { messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 };
const REQUEST_NANO = 36_000_000;
const BUDGET_USD = 0.00001;

function chat(h: Harness, signal = new AbortController().signal) {
  return runChat(h.ctx, { caller: { origin: TEST_ORIGIN }, request, signal, onDelta: () => undefined });
}

async function setup(mode: 'ask' | 'refuse' | 'wallet-ask') {
  const adapter = scriptedAdapter({ usage: { inputTokens: 5, outputTokens: 3 } });
  const h = await makeHarness({ adapter, budgetUsd: BUDGET_USD });
  if (mode === 'wallet-ask') await h.ctx.settings.set({ overBudget: 'ask' });
  else await h.ctx.grants.patch(TEST_ORIGIN, (g) => g && { ...g, overBudget: mode });
  return { h, adapter };
}

/** The id of the raise prompt the request opened. */
async function promptId(h: Harness, count = 1): Promise<string> {
  await vi.waitFor(() => expect(h.windows.opened.filter((w) => w.path.startsWith('/approve.html'))).toHaveLength(count));
  return h.windows.opened.at(-1)!.path.split('id=')[1]!;
}

describe('over budget', () => {
  it('refuses with 4402 by default, opening nothing', async () => {
    const { h, adapter } = await setup('refuse');
    await expect(chat(h)).rejects.toMatchObject({ code: 4402 });
    expect(h.windows.opened).toEqual([]);
    expect(adapter.calls).toBe(0);
  });

  it('ask, approved: the window shows the spend and the need; the budget is raised and the request runs', async () => {
    const { h, adapter } = await setup('ask');
    const pending = chat(h);
    const id = await promptId(h);
    const view = await getApproval(h.ctx, { id });
    expect(view).toMatchObject({
      kind: 'raiseBudget',
      origin: TEST_ORIGIN,
      raise: { model: 'm', period: 'total', budgetUsd: BUDGET_USD, spentUsd: 0, heldUsd: 0, requestUsd: REQUEST_NANO / 1e9, neededUsd: REQUEST_NANO / 1e9, suggestedUsd: 0.04 },
    });
    // Nothing was sent, and nothing is held, while the person decides.
    expect(adapter.calls).toBe(0);
    expect(h.ctx.gate.heldIds()).toEqual([]);
    // Too little to admit the request: refused, the prompt stays open.
    await expect(approveRaise(h.ctx, { id, usd: 0.02 })).rejects.toMatchObject({ code: -32602, message: expect.stringContaining(messages.raiseTooLow('$0.036')) });
    const grant = await approveRaise(h.ctx, { id, usd: 0.1 });
    expect(grant.budget).toEqual({ usd: 0.1, period: 'total' });
    await expect(pending).resolves.toMatchObject({ text: 'Hello world' });
    expect(adapter.calls).toBe(1);
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.budgetNano).toBe(100_000_000);
    const [event] = await h.ctx.audit.list({ type: 'budget.raised' });
    expect(event).toMatchObject({ origin: TEST_ORIGIN, detail: { budgetUsd: 0.1, model: 'm' } });
  });

  it('ask, rejected or closed: 4402, nothing sent, the refusal in the ledger', async () => {
    const { h, adapter } = await setup('ask');
    const rejected = chat(h);
    await decideApproval(h.ctx, { id: await promptId(h), approve: false });
    await expect(rejected).rejects.toMatchObject({ code: 4402, message: messages.budgetRaiseDeclined('0.036', '0.00001') });
    const closed = chat(h);
    await promptId(h, 2);
    h.windows.closeWindow(h.windows.opened.at(-1)!.id);
    await expect(closed).rejects.toMatchObject({ code: 4402 });
    expect(adapter.calls).toBe(0);
    expect((await h.ctx.db.ledger.toArray()).map((e) => [e.status, e.errorCode])).toEqual([
      ['refused', 4402],
      ['refused', 4402],
    ]);
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.budgetNano).toBe(10_000);
    expect((await h.ctx.audit.list()).map((e) => [e.type, e.detail?.how])).toEqual([
      ['budget.raiseRejected', 'window closed'],
      ['budget.raiseRejected', 'rejected'],
    ]);
  });

  it('one prompt per site: a second request over budget meanwhile is refused at once', async () => {
    const { h, adapter } = await setup('ask');
    const first = chat(h);
    const id = await promptId(h);
    await expect(chat(h)).rejects.toMatchObject({ code: 4402, message: messages.budgetRaiseUnavailable('0.036', '0.00001') });
    expect(h.windows.opened).toHaveLength(1);
    await approveRaise(h.ctx, { id, usd: 1 });
    await first;
    expect(adapter.calls).toBe(1);
  });

  it("the wallet's setting applies to sites without their own; a site's own wins", async () => {
    const { h } = await setup('wallet-ask');
    const pending = chat(h);
    await decideApproval(h.ctx, { id: await promptId(h), approve: false });
    await expect(pending).rejects.toMatchObject({ code: 4402 });
    await h.ctx.grants.patch(TEST_ORIGIN, (g) => g && { ...g, overBudget: 'refuse' });
    await expect(chat(h)).rejects.toMatchObject({ code: 4402 });
    expect(h.windows.opened).toHaveLength(1);
  });

  it('a raise prompt cannot be answered as a connection, nor a connection as a raise', async () => {
    const { h } = await setup('ask');
    const pending = chat(h);
    const id = await promptId(h);
    await expect(decideApproval(h.ctx, { id, approve: true, budget: { usd: 5, period: 'day' }, models: ['m'], defaultModel: 'm', scopes: ['chat'] })).rejects.toMatchObject({ code: -32602 });
    expect((await h.ctx.grants.get(TEST_ORIGIN))?.budgetNano).toBe(10_000);
    await decideApproval(h.ctx, { id, approve: false });
    await expect(pending).rejects.toMatchObject({ code: 4402 });
  });

  it('a page that gave up while the person decided is not sent anything', async () => {
    const { h, adapter } = await setup('ask');
    const controller = new AbortController();
    const pending = chat(h, controller.signal);
    const id = await promptId(h);
    controller.abort();
    await approveRaise(h.ctx, { id, usd: 1 });
    await expect(pending).rejects.toMatchObject({ data: { aborted: true } });
    expect(adapter.calls).toBe(0);
    expect(h.ctx.gate.heldIds()).toEqual([]);
  });
});
