/** Naming a KDF downgrade for people: which scrypt cost of a stored header is below the floor. */
import { KDF_FLOOR } from '../crypto/kdf';

/** A KDF cost below {@link KDF_FLOOR}: which field, its value and the minimum. */
export interface KdfDowngrade {
  field: 'N' | 'r' | 'p';
  got: number;
  min: number;
}

/**
 * The first scrypt cost in `kdf` (as read from a stored header or a backup) that is below the
 * floor, or `null`. The envelope refuses such a header before deriving; this names it.
 */
export function findDowngrade(kdf: unknown): KdfDowngrade | null {
  if (typeof kdf !== 'object' || kdf === null) return null;
  for (const field of ['N', 'r', 'p'] as const) {
    const got = (kdf as Record<string, unknown>)[field];
    if (typeof got === 'number' && got < KDF_FLOOR[field]) return { field, got, min: KDF_FLOOR[field] };
  }
  return null;
}
