import { useId } from 'react';
import { t } from '@/lib/i18n/t';
import { priceInWords } from '@/lib/ui/format';
import type { ApprovalView } from '@/lib/ui/types';
import { OfferKeyMark, OffersKeyHealth } from './KeyHealthNote';

/**
 * The approval window's models: each with the key that serves it and its price. Which are ticked
 * at first is lib/grants/preselect.ts's rule; a model without a price is refused until one is set.
 */
export function ModelChoices({ approval, ticked, onToggle }: { approval: ApprovalView; ticked: readonly string[]; onToggle: (model: string) => void }) {
  const base = useId();
  const unpriced = approval.offers.some((o) => !o.price);
  return (
    <fieldset>
      <legend>{t('approve_models')}</legend>
      {approval.offers.map((o, i) => (
        <div key={o.model}>
          <label style={{ fontWeight: 400 }}>
            <input type="checkbox" checked={ticked.includes(o.model)} onChange={() => onToggle(o.model)} aria-describedby={`${base}-${i}`} />
            {o.model} <span className="muted">{t('approve_modelVia', o.keyName)}</span>
            <OfferKeyMark offer={o} />
          </label>
          <span id={`${base}-${i}`} className={o.price ? 'muted model-price' : 'warn model-price'} data-testid="model-price">
            {priceInWords(o.price)}
          </span>
        </div>
      ))}
      <OffersKeyHealth offers={approval.offers} />
      {unpriced ? (
        <details className="small">
          <summary>{t('common_details')}</summary>
          {t('approve_unpricedDetails')}
        </details>
      ) : null}
      {approval.unavailable.length ? <p className="warn">{t('approve_unavailable', approval.unavailable.join(', '))}</p> : null}
    </fieldset>
  );
}
