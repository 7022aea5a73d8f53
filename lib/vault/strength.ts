/**
 * A passphrase strength estimate for the meter: entropy from length and character classes,
 * with penalties for repeats and common patterns. A guide for the person, not a guarantee.
 */
export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'too short' | 'weak' | 'fair' | 'good' | 'strong';
  bits: number;
}

const COMMON = /(password|passphrase|qwerty|123456|letmein|admin|welcome|iloveyou|abc123)/i;

export function passphraseStrength(passphrase: string, minLength = 10): Strength {
  if (passphrase.length < minLength) return { score: 0, label: 'too short', bits: 0 };
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(passphrase)) pool += 33;
  const unique = new Set(passphrase).size;
  const effectiveLength = Math.min(passphrase.length, unique * 2.5);
  let bits = effectiveLength * Math.log2(Math.max(pool, 2));
  if (COMMON.test(passphrase)) bits -= 25;
  if (/(.)\1{3,}/.test(passphrase)) bits -= 10;
  bits = Math.max(0, Math.round(bits));
  if (bits < 40) return { score: 1, label: 'weak', bits };
  if (bits < 60) return { score: 2, label: 'fair', bits };
  if (bits < 80) return { score: 3, label: 'good', bits };
  return { score: 4, label: 'strong', bits };
}
