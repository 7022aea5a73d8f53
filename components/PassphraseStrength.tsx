import { passphraseStrength } from '@/lib/vault/strength';
import { MIN_PASSPHRASE } from '@/lib/vault/policy';

/**
 * The strength meter under a new passphrase (a guide, not a guarantee). Its label must not
 * contain the word passphrase: pages and tests find the inputs by label (docs/API.md, "For testers").
 */
export function PassphraseStrength({ passphrase, label = 'Strength meter' }: { passphrase: string; label?: string }) {
  const strength = passphraseStrength(passphrase, MIN_PASSPHRASE);
  return (
    <div className="muted" aria-live="polite">
      Strength: <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-label={label} /> {strength.label}
    </div>
  );
}
