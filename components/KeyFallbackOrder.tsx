import { presetFor } from '@/lib/providers/presets';
import { keysInOrder, moveInOrder, toggleInOrder } from '@/lib/ui/fallback-order';
import { t } from '@/lib/i18n/t';

export interface FallbackKey {
  id: string;
  name: string;
  provider: string;
}

/**
 * The keys that may stand in for a site's key when its provider refuses it (invalid, out of
 * credit, rate-limited), in order: a checkbox per key, and Move up / Move down for those in use.
 */
export function KeyFallbackOrder({ keys, order, onChange, disabled }: { keys: readonly FallbackKey[]; order: readonly string[]; onChange: (order: string[]) => void; disabled?: boolean }) {
  const rows = keysInOrder(keys, order);
  const used = rows.filter((r) => r.place !== null).length;
  return (
    <fieldset>
      <legend>{t('fallback_legend')}</legend>
      <p className="muted">{t('fallback_explain')}</p>
      <ul className="plain" aria-label={t('fallback_listLabel')}>
        {rows.map(({ key, place }) => (
          <li key={key.id} className="row">
            <label className="inline">
              <input type="checkbox" checked={place !== null} disabled={disabled} onChange={() => onChange(toggleInOrder(order, key.id))} />
              {place !== null ? t('fallback_useKeyAt', place + 1, key.name) : t('fallback_useKey', key.name)}{' '}
              <span className="muted">
                {'\u00a0'}
                {presetFor(key.provider)?.label ?? key.provider}
              </span>
            </label>
            {place !== null ? (
              <span className="row">
                <button type="button" aria-label={t('fallback_moveUpLabel', key.name)} disabled={disabled || place === 0} onClick={() => onChange(moveInOrder(order, key.id, -1))}>
                  {t('fallback_moveUp')}
                </button>
                <button type="button" aria-label={t('fallback_moveDownLabel', key.name)} disabled={disabled || place === used - 1} onClick={() => onChange(moveInOrder(order, key.id, 1))}>
                  {t('fallback_moveDown')}
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
