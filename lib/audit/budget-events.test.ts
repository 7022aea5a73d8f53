import { describe, expect, it } from 'vitest';
import { overrunEvent } from './budget-events';
import type { LedgerEntry } from '../db/tables/ledger';

const entry = (costNano: number): LedgerEntry => ({
  id: 'e1', at: 1, origin: 'https://app.example', kind: 'chat', model: 'gpt-4o-mini', provider: 'openai', keyId: 'k', status: 'ok',
  inputTokens: 5, outputTokens: 50_000, costNano, reservedNano: 27_000, inputEstimate: 3,
});

describe('overrunEvent', () => {
  it('records the site, what was reserved and what was billed, in dollars', () => {
    expect(overrunEvent(entry(30_000_003))).toEqual({
      type: 'budget.overrun',
      origin: 'https://app.example',
      detail: { model: 'gpt-4o-mini', provider: 'openai', reservedUsd: 0.000027, billedUsd: 0.030000003, inputTokens: 5, outputTokens: 50_000, status: 'ok' },
    });
  });

  it('is no event when the bill is within the reservation', () => {
    expect(overrunEvent(entry(27_000))).toBeNull();
    expect(overrunEvent(entry(0))).toBeNull();
  });
});
