import { Fragment } from 'react';
import { pluralKey, t, type MessageKey } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import type { VaultStatusView } from '@/lib/ui/types';

const STEPS: readonly MessageKey[] = ['onboard_stepCreate', 'onboard_stepKey', 'onboard_stepConnect'];

/**
 * First run: what byok is, and the three steps from an empty wallet to a connected site. Shown
 * until the wallet has a key; a site that asked meanwhile is named, and goes on by itself.
 */
export function Welcome({ status }: { status: VaultStatusView }) {
  if (status.exists && (!status.unlocked || status.keys > 0)) return null;
  const step = status.exists ? 2 : 1;
  const waiting = status.waitingSites;
  return (
    <section className="card" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('onboard_welcomeHeading')}</h2>
      <p>{t('onboard_welcomeIntro')}</p>
      <ol className="steps">
        {STEPS.map((key, i) => (
          <li key={key} className={i + 1 < step ? 'done' : undefined} aria-current={i + 1 === step ? 'step' : undefined}>
            {t(key)}
          </li>
        ))}
      </ol>
      {waiting.length ? (
        <p className="warn" role="status">
          {rich(
            pluralKey('onboard_waiting', waiting.length),
            waiting.map((origin, i) => (
              <Fragment key={origin}>
                {i > 0 ? ' ' : null}
                <span className="origin">{origin}</span>
              </Fragment>
            )),
          )}
        </p>
      ) : null}
    </section>
  );
}
