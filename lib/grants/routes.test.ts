import { describe, expect, it } from 'vitest';
import type { KeyView } from '../keys/keyring';
import { grantRoutes } from './routes';

const key = (id: string, models: string[], enabled = true) => ({ id, name: id, provider: 'openai', models, enabled }) as KeyView;
const keys = [key('a', ['m1', 'm2']), key('b', ['m2', 'm3']), key('off', ['m4'], false)];

describe('grantRoutes', () => {
  it('routes each model to the first enabled key that offers it', () => {
    expect(grantRoutes(keys, ['m1', 'm2', 'm3'])).toEqual({ m1: 'a', m2: 'a', m3: 'b' });
  });

  it('keeps the key a model has, and takes the person’s pick', () => {
    expect(grantRoutes(keys, ['m1', 'm2'], { kept: { m1: 'gone' } })).toEqual({ m1: 'gone', m2: 'a' });
    expect(grantRoutes(keys, ['m2'], { kept: { m2: 'a' }, chosen: { m2: 'b' } })).toEqual({ m2: 'b' });
  });

  it('refuses a model no enabled key offers, and a pick that cannot serve its model', () => {
    expect(() => grantRoutes(keys, ['m4'])).toThrow(/no key offers 'm4'/);
    expect(() => grantRoutes(keys, ['m1'], { chosen: { m1: 'b' } })).toThrow(/that key does not offer 'm1'/);
    expect(() => grantRoutes(keys, ['m4'], { kept: { m4: 'off' }, chosen: { m4: 'off' } })).toThrow(/that key does not offer 'm4'/);
    expect(() => grantRoutes(keys, ['m1'], { chosen: { m3: 'b' } })).toThrow(/not an allowed model/);
  });
});
