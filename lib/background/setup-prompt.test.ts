import { describe, expect, it } from 'vitest';
import { SetupPrompt } from './setup-prompt';
import type { WindowOpener } from './windows';
import { ErrorCode } from '../protocol/errors';

const macrotask = () => new Promise((r) => setImmediate(r));

function setup() {
  const shown: (number | null)[] = [];
  const windows = {
    openSetup: async (tabId: number | null) => {
      shown.push(tabId);
      return tabId ?? 7;
    },
  } as unknown as WindowOpener;
  let done = false;
  const ready = async () => done;
  return { prompt: new SetupPrompt(windows), shown, ready, finish: () => (done = true) };
}

describe('setup prompt (first run)', () => {
  it('a request whose setup is done goes on at once, and shows nothing', async () => {
    const s = setup();
    s.finish();
    await s.prompt.waitUntil('https://app.example', s.ready);
    expect(s.shown).toEqual([]);
  });

  it('requests wait on one setup page and go on when the person has set up', async () => {
    const s = setup();
    const outcomes: string[] = [];
    const waits = [1, 2, 3].map((n) => s.prompt.waitUntil('https://app.example', s.ready).then(() => outcomes.push(`done ${n}`)));
    await macrotask();
    expect(s.shown).toEqual([null]);
    expect(s.prompt.waitingOrigins()).toEqual(['https://app.example']);
    s.prompt.changed(); // something changed, but not the setup
    await macrotask();
    expect(outcomes).toEqual([]);
    s.finish();
    s.prompt.changed();
    await Promise.all(waits);
    expect(outcomes.sort()).toEqual(['done 1', 'done 2', 'done 3']);
    expect(s.prompt.waitingOrigins()).toEqual([]);
  });

  it('a request while the page is open focuses it (the same tab) instead of opening another', async () => {
    const s = setup();
    void s.prompt.waitUntil('https://app.example', s.ready);
    await macrotask();
    void s.prompt.waitUntil('https://app.example', s.ready);
    await macrotask();
    expect(s.shown).toEqual([null, 7]);
  });

  it('closing the setup page rejects the waiting requests with 4001; another tab closing does not', async () => {
    const s = setup();
    const waiting = s.prompt.waitUntil('https://app.example', s.ready).then(
      () => 'resolved',
      (e: { code: number }) => e.code,
    );
    await macrotask();
    s.prompt.tabClosed(8);
    s.prompt.tabClosed(7);
    expect(await waiting).toBe(ErrorCode.userRejected);
    // The next request opens a new page.
    void s.prompt.waitUntil('https://app.example', s.ready);
    await macrotask();
    expect(s.shown).toEqual([null, null]);
  });

  it('a readiness check that fails keeps the request waiting', async () => {
    const s = setup();
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls === 2) throw new Error('locked');
      return calls > 2;
    };
    const waiting = s.prompt.waitUntil('https://app.example', flaky);
    await macrotask();
    s.prompt.changed();
    await macrotask();
    s.prompt.changed();
    await waiting;
    expect(calls).toBe(3);
  });
});
