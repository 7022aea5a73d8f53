import { describe, expect, it } from 'vitest';
import { hashToken, isOwnHost, looksLikeToken, newAppToken, refuseCaller, tokenOf } from './guard';
import { declaredTooLarge } from './body';
import { ERROR_TABLE, fromWalletError, retryHeaders } from './errors';
import { HttpError } from '../../client/src/_http';
import { ByokError } from '../../client/src/errors';
import { envLines } from './env-lines';

describe('who may call the endpoint', () => {
  it('refuses any request with an Origin header (a web page)', () => {
    expect(refuseCaller({ origin: 'https://evil.example', host: '127.0.0.1:5000' }, 5000)?.status).toBe(403);
    expect(refuseCaller({ origin: 'null', host: '127.0.0.1:5000' }, 5000)?.status).toBe(403);
  });
  it('takes only loopback names with its own port as Host (DNS rebinding)', () => {
    expect(isOwnHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isOwnHost('localhost:5000', 5000)).toBe(true);
    expect(isOwnHost('LOCALHOST:5000', 5000)).toBe(true);
    expect(isOwnHost('[::1]:5000', 5000)).toBe(true);
    expect(isOwnHost('evil.example:5000', 5000)).toBe(false);
    expect(isOwnHost('localhost.evil.example:5000', 5000)).toBe(false);
    expect(isOwnHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(isOwnHost('127.0.0.1', 5000)).toBe(false);
    expect(isOwnHost(undefined, 5000)).toBe(false);
    expect(refuseCaller({ host: 'rebind.example:5000' }, 5000)?.status).toBe(403);
    expect(refuseCaller({ host: '127.0.0.1:5000' }, 5000)).toBeNull();
  });
});

describe('app tokens', () => {
  it('reads the token from Bearer or x-api-key', () => {
    expect(tokenOf({ authorization: 'Bearer byok_app_abc' })).toBe('byok_app_abc');
    expect(tokenOf({ 'x-api-key': 'byok_app_xyz' })).toBe('byok_app_xyz');
    expect(tokenOf({ authorization: 'Basic abc' })).toBeNull();
    expect(tokenOf({})).toBeNull();
  });
  it('makes random tokens and hashes them with SHA-256', () => {
    const a = newAppToken();
    expect(a).not.toBe(newAppToken());
    expect(looksLikeToken(a)).toBe(true);
    expect(looksLikeToken('sk-abc')).toBe(false);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('body limits', () => {
  it('refuses a declared length over the limit before reading', () => {
    expect(declaredTooLarge(String(33 * 1024 * 1024))).toBe(true);
    expect(declaredTooLarge('1024')).toBe(false);
    expect(declaredTooLarge(undefined)).toBe(false);
    expect(declaredTooLarge('abc')).toBe(true);
  });
});

describe('wallet errors as HTTP', () => {
  it.each([
    [4402, 402, 'false'],
    [4290, 429, undefined],
    [4100, 403, 'false'],
    [4900, 423, undefined],
    [-32602, 400, 'false'],
  ])('%i -> %i', (code, status, shouldRetry) => {
    const e = fromWalletError({ code, message: 'm', data: { retryAfterMs: 1500 } });
    expect(e).toBeInstanceOf(HttpError);
    expect((e as HttpError).status).toBe(status);
    expect(ERROR_TABLE[code]?.status).toBe(status);
    expect((e as HttpError).headers?.['x-should-retry']).toBe(shouldRetry);
  });
  it('gives a rate limit retry-after in whole seconds', () => {
    const e = fromWalletError({ code: 4290, message: 'slow down', data: { retryAfterMs: 1500 } }) as HttpError;
    expect(e.headers?.['retry-after']).toBe('2');
    expect(retryHeaders(undefined)['retry-after']).toBe('1');
  });
  it('answers 401 for a refused token, and an abort as AbortError', () => {
    expect((fromWalletError({ code: 4100, message: 'x', data: { reason: 'token' } }) as HttpError).status).toBe(401);
    expect(fromWalletError({ code: 4001, message: 'x', data: { aborted: true } }).name).toBe('AbortError');
  });
  it('leaves provider errors to the client lib (their own status)', () => {
    expect(fromWalletError({ code: 5000, message: 'upstream', data: { status: 503 } })).toBeInstanceOf(ByokError);
  });
});

describe('connect output', () => {
  it('prints the variables the SDKs, Claude Code and aider read', () => {
    expect(envLines(4000, 't')).toEqual([
      'OPENAI_BASE_URL=http://127.0.0.1:4000/openai/v1',
      'OPENAI_API_KEY=t',
      'OPENAI_API_BASE=http://127.0.0.1:4000/openai/v1',
      'ANTHROPIC_BASE_URL=http://127.0.0.1:4000/anthropic',
      'ANTHROPIC_API_KEY=t',
    ]);
  });
});
