import { describe, expect, it } from 'vitest';
import { formatMessage } from './format';

describe('formatMessage', () => {
  const entry = {
    message: 'Spend $SPENT$ of $BUDGET$ ($$ USD)',
    placeholders: { spent: { content: '$1' }, budget: { content: '$2' } },
  };

  it('puts each value in its named placeholder and reads $$ as a dollar sign', () => {
    expect(formatMessage(entry, ['$1.00', '$5.00'])).toBe('Spend $1.00 of $5.00 ($ USD)');
  });

  it('does not read a value as a placeholder (a site may name itself $BUDGET$)', () => {
    expect(formatMessage(entry, ['$BUDGET$', '$2'])).toBe('Spend $BUDGET$ of $2 ($ USD)');
  });

  it('gives an empty string for a missing value and leaves an unknown placeholder as written', () => {
    expect(formatMessage({ message: 'a $X$ b $Y$', placeholders: { x: { content: '$1' } } })).toBe('a  b $Y$');
  });

  it('lets a translator move placeholders (names are any case)', () => {
    expect(formatMessage({ message: '$Budget$ / $SPENT$', placeholders: entry.placeholders }, ['1', '2'])).toBe('2 / 1');
  });
});
