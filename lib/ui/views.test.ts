import { describe, expect, it } from 'vitest';
import { VIEWS, viewFromHash, viewLabel } from './views';

describe('the options page’s views', () => {
  it('are named in the person’s language (English here)', () => {
    expect(VIEWS.map((v) => viewLabel(v.id))).toEqual(['Keys', 'Sites & apps', 'Usage', 'Settings', 'Security']);
  });

  it('are routed by the hash, Keys for anything else', () => {
    expect(viewFromHash('#usage')).toBe('usage');
    expect(viewFromHash('#welcome')).toBe('keys');
    expect(viewFromHash('')).toBe('keys');
  });
});
