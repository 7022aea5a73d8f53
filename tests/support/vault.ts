/**
 * Test helpers for the vault, the backup and the keyring: a cheap KDF through the public paths
 * (the tests that use it mock `lib/crypto/kdf` with {@link fastKdf}), and fresh databases.
 * Imported only by `*.test.ts` (crypto's conventions test checks `_testing` imports).
 *
 * In a test file:
 * ```ts
 * vi.mock('../../lib/crypto/kdf', async (importOriginal) => (await import('./vault')).fastKdf(await importOriginal()));
 * ```
 * @module
 */
import 'fake-indexeddb/auto';
import type * as Kdf from '../../lib/crypto/kdf';
import { FAST_KDF, TEST_FLOOR } from './crypto';

/**
 * `lib/crypto/kdf` with the default at {@link FAST_KDF} (N=2^10) and the floor at RFC 7914's
 * structural minimum, so create/unlock/change take milliseconds. A header at N=2^9 is then
 * "below the default", which exercises the KDF raise on unlock.
 */
export function fastKdf(kdf: typeof Kdf): typeof Kdf {
  return {
    ...kdf,
    DEFAULT_KDF: FAST_KDF,
    KDF_FLOOR: TEST_FLOOR,
    deriveKey: (passphrase, salt, params, opts) => kdf._deriveKey(passphrase, salt, params, opts, TEST_FLOOR),
    assertKdfParams: (params) => kdf._assertKdfParams(params, TEST_FLOOR),
    isBelowDefault: (params) => params.N < FAST_KDF.N || params.r < FAST_KDF.r || params.p < FAST_KDF.p,
  };
}

let databases = 0;
/** A unique database name per call (fake-indexeddb is shared by the whole test file). */
export function freshDbName(prefix = 'vault-test'): string {
  return `${prefix}-${databases++}-${Math.random().toString(36).slice(2)}`;
}
