import { describe, expect, it } from 'vitest';
import type { KeyRecord } from '../db/tables/keys';
import { DAY_MS, keysDue, runDailyCheck } from './daily-check';


const NOW = 1_800_000_000_000;

function key(id: string, changes: Partial<KeyRecord> = {}): KeyRecord {
  return { id, provider: 'openai', name: id, last4: 'abcd', sealed: { nonce: '', ciphertext: '' }, models: [], status: 'valid', enabled: true, createdAt: 0, ...changes };
}

describe('daily key check', () => {
  it('a key is due once a day since it was last checked, never checked keys first', () => {
    const keys = [key('fresh', { checkedAt: NOW - DAY_MS + 60_000 }), key('old', { checkedAt: NOW - 2 * DAY_MS }), key('never'), key('day', { checkedAt: NOW - DAY_MS })];
    expect(keysDue(keys, NOW).map((k) => k.id)).toEqual(['never', 'old', 'day']);
  });

  it('skips disabled keys and keyless local endpoints, but checks a local endpoint that has a key', () => {
    const keys = [
      key('disabled', { enabled: false }),
      key('ollama', { baseUrl: 'http://127.0.0.1:11434/v1', last4: '' }),
      key('local-with-key', { baseUrl: 'http://localhost:8080/v1' }),
      key('remote-keyless', { baseUrl: 'https://api.example.com/v1', last4: '' }),
    ];
    expect(keysDue(keys, NOW).map((k) => k.id)).toEqual(['local-with-key', 'remote-keyless']);
  });

  it('checks nothing while locked, and at most a few keys a run, one at a time', async () => {
    const checked: string[] = [];
    let running = 0;
    const deps = (unlocked: boolean) => ({
      now: () => NOW,
      unlocked: async () => unlocked,
      keys: async () => ['a', 'b', 'c', 'd', 'e'].map((id) => key(id)),
      check: async (k: KeyRecord) => {
        running++;
        expect(running).toBe(1);
        checked.push(k.id);
        await new Promise((r) => setImmediate(r));
        running--;
        return { status: 'valid', models: [], message: 'ok' };
      },
    });
    expect(await runDailyCheck(deps(false))).toBe(0);
    expect(checked).toEqual([]);
    expect(await runDailyCheck(deps(true))).toBe(3);
    expect(checked).toEqual(['a', 'b', 'c']);
  });

  it('a key whose check fails does not stop the others', async () => {
    const checked: string[] = [];
    const n = await runDailyCheck({
      now: () => NOW,
      unlocked: async () => true,
      keys: async () => [key('a'), key('b')],
      check: async (k) => {
        checked.push(k.id);
        if (k.id === 'a') throw new Error('locked meanwhile');
        return { status: 'valid', models: [], message: 'ok' };
      },
    });
    expect(n).toBe(2);
    expect(checked).toEqual(['a', 'b']);
  });
});
