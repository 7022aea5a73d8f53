/**
 * Who may talk to the wallet through a page port, and as which origin (docs/THREAT_MODEL.md):
 * the origin is the browser-reported `sender.origin`, never the URL or anything the page sends;
 * ports from anything but our own content scripts are refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { acceptPagePort } from '../../lib/background/page-port';
import type { WalletContext } from '../../lib/background/context';
import { ErrorCode, WalletError } from '../../lib/protocol/errors';
import { messages } from '../../lib/protocol/messages';
import type { ApprovalRecord } from '../../lib/db/tables/approvals';
import { fakePort, macrotask, recordingContext, senderFor } from './fuzz/wallet-fakes';
import { makeHarness, scriptedAdapter, TEST_ORIGIN } from '../support/wallet-harness';

const getGrant = { t: 'req', id: 1, method: 'getGrant' };
/** A ledger with no settlement in flight. */
const idleLedger = { settled: async () => undefined } as unknown as WalletContext['ledger'];

/** A context whose grant store records which origin was asked for. */
function grantsContext() {
  const asked: string[] = [];
  const fake = recordingContext({
    grants: { get: async (origin: string) => void asked.push(origin) } as unknown as WalletContext['grants'],
    ledger: idleLedger,
    now: () => 0,
  });
  return { ...fake, asked };
}

describe('page ports: who may connect', () => {
  it.each([
    ['another port name', fakePort(senderFor('https://app.example'), 'byok-ui')],
    ['another extension', fakePort(senderFor('https://app.example', { id: 'another-extension-id' }))],
    ['no tab (an extension page or a worker)', fakePort(senderFor('https://app.example', { tab: undefined }))],
    ['no sender', fakePort(undefined)],
  ])('refuses %s: disconnected, never listened to', (_what, page) => {
    const { ctx, touched, ports } = recordingContext();
    acceptPagePort(ctx, Promise.resolve(), page.port);
    expect(page.disconnected).toBe(true);
    expect(page.listening).toBe(false);
    expect(ports.size).toBe(0);
    expect(touched).toEqual([]);
  });

  it.each([
    ['an opaque origin with an http URL', 'null'],
    ['plain http off localhost', 'http://evil.example'],
    ['a file origin', 'file://'],
    ['an extension origin', 'chrome-extension://another-extension-id'],
    ['an origin with a path', 'https://app.example/path'],
  ])('refuses %s with 4100 before anything else', async (_what, origin) => {
    const { ctx, touched } = recordingContext();
    const page = fakePort(senderFor(origin, { url: 'https://app.example/page.html' }));
    acceptPagePort(ctx, Promise.resolve(), page.port);
    page.deliver(getGrant);
    await macrotask();
    expect(page.sent).toEqual([{ t: 'res', id: 1, ok: false, error: { code: ErrorCode.unauthorized, message: messages.originRefused(origin) } }]);
    expect(touched).toEqual([]);
  });

  it.each(['https://app.example', 'http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000'])('accepts %s', async (origin) => {
    const { ctx, asked } = grantsContext();
    const page = fakePort(senderFor(origin));
    acceptPagePort(ctx, Promise.resolve(), page.port);
    page.deliver(getGrant);
    await macrotask();
    expect(page.sent).toEqual([{ t: 'res', id: 1, ok: true, value: null }]);
    expect(asked).toEqual([origin]);
  });
});

describe('page ports: the origin is what the browser reports', () => {
  it("uses sender.origin, not the sender's URL nor anything in the message", async () => {
    const { ctx, asked } = grantsContext();
    const page = fakePort(senderFor('https://frame.example', { url: 'https://other.example/looks-like-this.html' }));
    acceptPagePort(ctx, Promise.resolve(), page.port);
    page.deliver({ ...getGrant, origin: 'https://bank.example' });
    page.deliver({ t: 'req', id: 2, method: 'getGrant', params: { origin: 'https://bank.example' } });
    page.deliver({ t: 'req', id: 3, method: 'getGrant' });
    await macrotask();
    expect(page.sent).toEqual([
      { t: 'res', id: 1, ok: false, error: { code: -32602, message: messages.invalidParams('message.origin', 'unknown field') } },
      { t: 'res', id: 2, ok: false, error: { code: -32602, message: expect.stringMatching(/^Invalid request: params/) } },
      { t: 'res', id: 3, ok: true, value: null },
    ]);
    expect(asked).toEqual(['https://frame.example']);
  });

  it("a frame's approval carries its own origin and the tab's top origin, both from the sender", async () => {
    const records: Omit<ApprovalRecord, 'id' | 'createdAt' | 'windowId'>[] = [];
    const { ctx } = recordingContext({
      grants: { get: async () => undefined } as unknown as WalletContext['grants'],
      ledger: idleLedger,
      now: () => 0,
      approvals: {
        ask: async (record: Omit<ApprovalRecord, 'id' | 'createdAt' | 'windowId'>) => {
          records.push(record);
          throw new WalletError(ErrorCode.userRejected, messages.userRejected());
        },
      } as unknown as WalletContext['approvals'],
    });
    const sender = senderFor('https://widget.example', { frameId: 7 });
    sender.tab!.url = 'https://news.example/article?id=1';
    const page = fakePort(sender);
    acceptPagePort(ctx, Promise.resolve(), page.port);
    page.deliver({ t: 'req', id: 1, method: 'connect', params: { reason: 'I am https://news.example' } });
    await macrotask();
    // The tab too (prompts are limited per tab): the sender's, like the origins.
    expect(records).toEqual([{ origin: 'https://widget.example', topOrigin: 'https://news.example', tabId: sender.tab!.id, request: { scopes: ['chat', 'models'], reason: 'I am https://news.example' } }]);
    expect(page.sent).toEqual([{ t: 'res', id: 1, ok: false, error: { code: ErrorCode.userRejected, message: messages.userRejected() } }]);
  });

  it('a top-level frame has no top origin of its own', async () => {
    const records: { topOrigin?: string }[] = [];
    const { ctx } = recordingContext({
      grants: { get: async () => undefined } as unknown as WalletContext['grants'],
      ledger: idleLedger,
      now: () => 0,
      approvals: { ask: async (r: { topOrigin?: string }) => void records.push(r) } as unknown as WalletContext['approvals'],
    });
    const page = fakePort(senderFor('https://app.example'));
    acceptPagePort(ctx, Promise.resolve(), page.port);
    page.deliver({ t: 'req', id: 1, method: 'connect' });
    await macrotask();
    expect(records).toHaveLength(1);
    expect(records[0]).not.toHaveProperty('topOrigin');
  });
});

describe('page ports: the spend a call changed rides on its answer', () => {
  it("the calling frame hears grantChanged on its chat's answer; the site's other frames as an event", async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({ chunks: ['a', 'b'], usage: { inputTokens: 5, outputTokens: 3 } }) });
    const caller = fakePort(senderFor(TEST_ORIGIN));
    const other = fakePort(senderFor(TEST_ORIGIN));
    const elsewhere = fakePort(senderFor('https://other.example'));
    for (const page of [caller, other, elsewhere]) acceptPagePort(ctx, Promise.resolve(), page.port);
    caller.deliver({ t: 'req', id: 7, method: 'chat', params: { messages: [{ role: 'user', content: 'hi' }], maxTokens: 10 }, stream: true });
    await vi.waitFor(() => expect(caller.sent.at(-1)).toMatchObject({ t: 'res', id: 7 }));
    const answer = caller.sent.at(-1) as { ok: boolean; value: { costUsd: number }; grantChanged: { spentUsd: number } };
    expect(answer).toMatchObject({ ok: true });
    expect(answer.grantChanged).toMatchObject({ origin: TEST_ORIGIN, spentUsd: answer.value.costUsd });
    // One message fewer: no separate event to the caller; the same grant to the site's other frame.
    expect(caller.sent.filter((m) => (m as { t: string }).t === 'event')).toEqual([]);
    expect(other.sent).toEqual([{ t: 'event', name: 'grantChanged', data: answer.grantChanged }]);
    expect(elsewhere.sent).toEqual([]);
  });

  it('an answer that changed no grant carries none', async () => {
    const { ctx } = await makeHarness({ adapter: scriptedAdapter({}) });
    const caller = fakePort(senderFor(TEST_ORIGIN));
    acceptPagePort(ctx, Promise.resolve(), caller.port);
    caller.deliver(getGrant);
    await vi.waitFor(() => expect(caller.sent).toHaveLength(1));
    expect(caller.sent[0]).not.toHaveProperty('grantChanged');
  });
});
