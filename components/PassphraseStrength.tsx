import { t, type MessageKey } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { passphraseStrength, type Strength } from '@/lib/vault/strength';
import { MIN_PASSPHRASE } from '@/lib/vault/policy';

/** The strength's word in the person's language (lib/vault/strength.ts names it in English, as data). */
const WORDS: Readonly<Record<Strength['label'], MessageKey>> = {
  'too short': 'onboard_strengthTooShort',
  weak: 'onboard_strengthWeak',
  fair: 'onboard_strengthFair',
  good: 'onboard_strengthGood',
  strong: 'onboard_strengthStrong',
};

/**
 * The strength meter under a new passphrase (a guide, not a guarantee). Its label must not
 * contain the word passphrase: pages and tests find the inputs by label (docs/API.md, "For testers").
 */
export function PassphraseStrength({ passphrase, label = t('onboard_strengthMeter') }: { passphrase: string; label?: string }) {
  const strength = passphraseStrength(passphrase, MIN_PASSPHRASE);
  return (
    <div className="muted" aria-live="polite">
      {rich('onboard_strength', <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-label={label} />, t(WORDS[strength.label]))}
    </div>
  );
}
