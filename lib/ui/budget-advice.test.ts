import { describe, expect, it } from 'vitest';
import { chatsEstimate, chatsForBudget, isZeroBudget, needsBudgetConfirm, roughCount } from './budget-advice';

const MINI = { inputPerM: 0.15, outputPerM: 0.6 };

describe('chats a budget buys (1,000 tokens in + 500 out each)', () => {
  it('divides the budget by one typical chat', () => {
    // 1000 × 0.15 + 500 × 0.6 = 450 per million tokens: $0.00045 a chat.
    expect(chatsForBudget(1, MINI)).toBe(2222);
    expect(chatsForBudget(0.00045, MINI)).toBe(1);
    expect(chatsForBudget(0.0004, MINI)).toBe(0);
  });

  it('is unknown without a price or a valid budget', () => {
    expect(chatsForBudget(1, null)).toBeNull();
    expect(chatsForBudget(Number.NaN, MINI)).toBeNull();
    expect(chatsForBudget(-1, MINI)).toBeNull();
  });

  it('is unlimited for a free model', () => {
    expect(chatsForBudget(1, { inputPerM: 0, outputPerM: 0 })).toBe(Infinity);
  });

  it('reads as an estimate', () => {
    expect(chatsEstimate(1, MINI, 'day')).toBe('About 2,200 chats like this per day');
    expect(chatsEstimate(0.0009, MINI, 'month')).toBe('About 2 chats like this per month');
    expect(chatsEstimate(0.00045, MINI, 'total')).toBe('About 1 chat like this in total');
    expect(chatsEstimate(0, MINI, 'day')).toBe('Not enough for one chat like this per day');
    expect(chatsEstimate(1, null, 'day')).toBe('—');
    expect(chatsEstimate(1, { inputPerM: 0, outputPerM: 0 }, 'day')).toMatch(/free/);
  });

  it('rounds large counts to two significant digits', () => {
    expect(roughCount(42)).toBe('42');
    expect(roughCount(2222)).toBe('2,200');
    expect(roughCount(66_666)).toBe('67,000');
  });
});

describe('the threshold rule', () => {
  it('asks twice only above the threshold', () => {
    expect(needsBudgetConfirm(20, 20)).toBe(false);
    expect(needsBudgetConfirm(20.01, 20)).toBe(true);
    expect(needsBudgetConfirm(5, 0)).toBe(true);
    expect(needsBudgetConfirm(Number.NaN, 20)).toBe(false);
  });

  it('knows a zero budget', () => {
    expect(isZeroBudget(0)).toBe(true);
    expect(isZeroBudget(0.01)).toBe(false);
  });
});
