import { describe, expect, it } from 'vitest';
import { t } from './t';

describe('t', () => {
  it('reads the message from the browser with its values in order', () => {
    expect(t('extName')).toBe('byok');
  });
});
