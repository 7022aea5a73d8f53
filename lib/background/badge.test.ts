import { describe, expect, it } from 'vitest';
import { badgeFor } from './badge';

describe('toolbar badge', () => {
  it('counts the requests waiting for the person, whatever the lock', () => {
    expect(badgeFor({ exists: true, locked: true, waiting: 1 })).toMatchObject({ text: '1', title: 'byok: a request is waiting for you' });
    expect(badgeFor({ exists: false, locked: true, waiting: 3 })).toMatchObject({ text: '3', title: 'byok: 3 requests are waiting for you' });
    expect(badgeFor({ exists: true, locked: false, waiting: 120 }).text).toBe('99+');
  });

  it('shows a lock while locked, and nothing once unlocked or before setup', () => {
    expect(badgeFor({ exists: true, locked: true, waiting: 0 })).toMatchObject({ text: '🔒', title: 'byok: locked' });
    expect(badgeFor({ exists: true, locked: false, waiting: 0 })).toMatchObject({ text: '', title: 'byok: unlocked' });
    expect(badgeFor({ exists: false, locked: true, waiting: 0 })).toMatchObject({ text: '', title: 'byok: set up your wallet' });
  });
});
