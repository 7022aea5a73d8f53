/**
 * Prompt spam while the wallet is locked (docs/THREAT_MODEL.md): any site may call connect(), and
 * a locked wallet answers with the unlock window. Requests that arrive together share one window.
 */
import { describe, expect, it } from 'vitest';
import { UnlockPrompt } from '../../lib/background/unlock-prompt';
import { SetupPrompt } from '../../lib/background/setup-prompt';
import type { WindowOpener } from '../../lib/background/windows';
import type { Vault } from '../../lib/vault/vault';
import { ErrorCode } from '../../lib/protocol/errors';

const macrotask = () => new Promise((r) => setImmediate(r));

function setup() {
  const opens: Array<(id: number) => void> = [];
  const alive = new Set<number>();
  let statusCalls = 0;
  const windows: WindowOpener = {
    // The browser takes a while to create a window: the test decides when it is there.
    open: () => new Promise<number>((resolve) => opens.push((id) => (alive.add(id), resolve(id)))),
    close: async (id) => void alive.delete(id),
    exists: async (id) => alive.has(id),
    focus: async () => undefined,
    openSetup: async () => null,
  };
  const vault = {
    status: async () => {
      statusCalls++;
      return { exists: true, unlocked: false };
    },
  } as unknown as Vault;
  /** Resolves once `n` requests asked the vault and everything they do next has run. */
  const untilAsked = async (n: number) => {
    while (statusCalls < n) await macrotask();
    await macrotask();
  };
  return { prompt: new UnlockPrompt(vault, windows, new SetupPrompt(windows)), opens, alive, untilAsked };
}

describe('unlock prompt', () => {
  it('twenty requests in the same tick open one unlock window, and closing it rejects them all with 4900', async () => {
    const s = setup();
    const waiting = Array.from({ length: 20 }, () => s.prompt.ensureUnlocked('https://app.example').then(() => 'unlocked', (e: { code: number }) => e.code));
    await s.untilAsked(20);
    expect(s.opens).toHaveLength(1);
    s.opens[0]!(1);
    await macrotask(); // the window is there
    s.alive.delete(1);
    s.prompt.windowClosed(1);
    expect(new Set(await Promise.all(waiting))).toEqual(new Set([ErrorCode.locked]));
    expect(s.opens).toHaveLength(1);
  });

  it('a request while the window is open focuses it instead of opening another', async () => {
    const s = setup();
    const first = s.prompt.ensureUnlocked('https://app.example');
    await s.untilAsked(1);
    s.opens[0]!(1);
    const second = s.prompt.ensureUnlocked('https://app.example');
    await s.untilAsked(2);
    expect(s.opens).toHaveLength(1);
    s.prompt.unlocked();
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
  });
});
