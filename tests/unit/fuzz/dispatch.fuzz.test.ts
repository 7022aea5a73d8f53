/**
 * Fuzzing the background's dispatch itself (docs/THREAT_MODEL.md): 10k hostile messages through a
 * page port (acceptPagePort, a fake port, a WalletContext that records every use) and through the
 * UI message handler. Only -32602 (or 4200 for an unknown method, 4100 for a refused origin or
 * sender) comes back, nothing throws out, and the wallet is never touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acceptPagePort } from '../../../lib/background/page-port';
import { handleUiMessage } from '../../../lib/background/ui-message';
import { ToWalletSchema } from '../../../lib/protocol/wire-schema';
import { LaneRendezvous } from '../../../lib/lane/rendezvous';
import { isPageMethod, pageMethodParams } from '../../../lib/protocol/page-methods';
import { UiRequest, uiCommands, type UiCommand } from '../../../lib/protocol/ui';
import { messages } from '../../../lib/protocol/messages';
import { RUNS, hostile, prototypeSnapshot } from './hostile';
import { CHAT_FULL, PARAM_SAMPLES, UI_PARAM_SAMPLES, WIRE_SAMPLES } from './samples';
import { PAGE_ORIGIN, fakePort, macrotask, microtasks, recordingContext, senderFor } from './wallet-fakes';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

/** True for a request the wallet would run: those are not hostile, and would (rightly) touch the wallet. */
function runnable(raw: unknown): boolean {
  const parsed = ToWalletSchema.safeParse(raw);
  if (!parsed.success || parsed.data.t !== 'req' || !isPageMethod(parsed.data.method)) return false;
  return pageMethodParams[parsed.data.method].safeParse(parsed.data.params).success;
}

const integerId = (raw: unknown): number | null => {
  const id = (raw as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
};

/** The one reply the wallet owes `raw` from an allowed origin, or null for none. */
function expectedReply(raw: unknown): { id: number; code: number } | null {
  const parsed = ToWalletSchema.safeParse(raw);
  if (!parsed.success) {
    const id = integerId(raw);
    return id === null ? null : { id, code: -32602 };
  }
  if (parsed.data.t !== 'req') return null;
  return { id: parsed.data.id, code: isPageMethod(parsed.data.method) ? -32602 : 4200 };
}

const seeds = [
  ...WIRE_SAMPLES,
  ...Object.entries(PARAM_SAMPLES).flatMap(([method, params]) => params.map((p, i) => ({ t: 'req', id: i, method, ...(p === undefined ? {} : { params: p }) }))),
  { t: 'req', id: 5, method: 'chat', params: CHAT_FULL, stream: false },
];

describe('fuzz: the background dispatch of page ports', () => {
  it('10k hostile messages from an allowed origin: only -32602 / 4200, nothing thrown, nothing touched', async () => {
    const before = prototypeSnapshot();
    const { ctx, touched, ports } = recordingContext();
    const page = fakePort(senderFor(PAGE_ORIGIN));
    // With lanes, as in Chromium: a hostile `lane` message names at most a token, and answers nothing.
    acceptPagePort(ctx, Promise.resolve(), page.port, new LaneRendezvous(() => undefined, () => 0));
    expect(page.listening).toBe(true);
    const codes = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        hostile(seeds).filter((raw) => !runnable(raw)),
        async (raw) => {
          page.sent.length = 0;
          page.deliver(raw);
          await microtasks();
          const expected = expectedReply(raw);
          if (expected === null) {
            expect(page.sent).toEqual([]);
            return;
          }
          expect(page.sent).toHaveLength(1);
          const reply = page.sent[0] as { t: string; id: number; ok: boolean; error: { code: number; message: string } };
          expect(reply).toMatchObject({ t: 'res', id: expected.id, ok: false, error: { code: expected.code } });
          expect(typeof reply.error.message).toBe('string');
          expect(Object.keys(reply.error)).toEqual(['code', 'message']);
          codes.set(expected.code, (codes.get(expected.code) ?? 0) + 1);
        },
      ),
      { numRuns: RUNS },
    );
    await macrotask();
    expect(touched).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(ports.inflightCount()).toBe(0);
    expect(prototypeSnapshot()).toEqual(before);
    // Both kinds of refusal were exercised.
    expect(codes.get(-32602)).toBeGreaterThan(100);
    expect(codes.get(4200)).toBeGreaterThan(10);
  }, 120_000); // 10k runs: ~10 s alone, longer on a loaded 2-core machine

  it('an opaque origin (its URL is http) gets 4100 for every request, valid ones included, and touches nothing', async () => {
    const { ctx, touched } = recordingContext();
    const page = fakePort(senderFor('null'));
    acceptPagePort(ctx, Promise.resolve(), page.port);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile(seeds), fc.constantFrom(...seeds)), async (raw) => {
        page.sent.length = 0;
        page.deliver(raw);
        await microtasks();
        const parsed = ToWalletSchema.safeParse(raw);
        const id = parsed.success ? (parsed.data.t === 'req' ? parsed.data.id : null) : integerId(raw);
        if (id === null) return void expect(page.sent).toEqual([]);
        const code = parsed.success ? 4100 : -32602;
        expect(page.sent).toEqual([
          { t: 'res', id, ok: false, error: code === 4100 ? { code, message: messages.originRefused('null') } : expect.objectContaining({ code }) },
        ]);
      }),
      { numRuns: 2_000 },
    );
    expect(touched).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});

const uiSeeds = Object.keys(uiCommands).map((command) => ({ byokUi: 1, command, ...(UI_PARAM_SAMPLES[command] ? { params: UI_PARAM_SAMPLES[command][0] } : {}) }));

function runnableUi(raw: unknown): boolean {
  const parsed = UiRequest.safeParse(raw);
  if (!parsed.success || !Object.prototype.hasOwnProperty.call(uiCommands, parsed.data.command)) return false;
  return uiCommands[parsed.data.command as UiCommand].safeParse(parsed.data.params).success;
}

describe('fuzz: the background dispatch of UI messages', () => {
  const extensionPage = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/options.html' };

  it('10k hostile messages from an extension page: ignored, or -32602 / 4200; nothing touched', async () => {
    const { ctx, touched } = recordingContext();
    const deps = { ctx, settingsChanged: () => touched.push('settingsChanged') };
    await fc.assert(
      fc.asyncProperty(
        hostile(uiSeeds).filter((raw) => !runnableUi(raw)),
        async (raw) => {
          const reply = await handleUiMessage(deps, Promise.resolve(), raw, extensionPage);
          const envelope = UiRequest.safeParse(raw);
          if (!envelope.success) return void expect(reply).toBeUndefined();
          const known = Object.prototype.hasOwnProperty.call(uiCommands, envelope.data.command);
          expect(reply).toEqual({ ok: false, error: { code: known ? -32602 : 4200, message: expect.any(String) } });
        },
      ),
      { numRuns: RUNS },
    );
    expect(touched).toEqual([]);
    expect(unhandled).toEqual([]);
  }, 120_000); // 10k runs: ~10 s alone, longer on a loaded 2-core machine

  it('content scripts and other extensions are refused with 4100, even for valid commands, and touch nothing', async () => {
    const { ctx, touched } = recordingContext();
    const deps = { ctx, settingsChanged: () => touched.push('settingsChanged') };
    const senders = [
      senderFor(PAGE_ORIGIN), // our own content script, in a page
      { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/background.js' },
      { id: 'another-extension-id', url: 'chrome-extension://test-extension-id/options.html' },
      { id: 'test-extension-id', url: 'chrome-extension://test-extension-id.evil.example/options.html' },
      { id: 'test-extension-id' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...senders), fc.oneof(fc.constantFrom(...uiSeeds), hostile(uiSeeds)), async (sender, raw) => {
        const reply = await handleUiMessage(deps, Promise.resolve(), raw, sender);
        if (!UiRequest.safeParse(raw).success) return void expect(reply).toBeUndefined();
        expect(reply).toEqual({ ok: false, error: { code: 4100, message: 'Refused: not an extension page' } });
      }),
      { numRuns: 2_000 },
    );
    expect(touched).toEqual([]);
  });
});
