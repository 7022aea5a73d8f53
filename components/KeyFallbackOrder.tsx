import { presetFor } from '@/lib/providers/presets';
import { keysInOrder, moveInOrder, toggleInOrder } from '@/lib/ui/fallback-order';

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
      <legend>Fallback between keys</legend>
      <p className="muted">
        When a key is refused before anything streamed, the request goes once to the next key of the same provider that offers the model, in this order.
      </p>
      <ul className="plain" aria-label="Fallback order">
        {rows.map(({ key, place }) => (
          <li key={key.id} className="row">
            <label className="inline">
              <input type="checkbox" checked={place !== null} disabled={disabled} onChange={() => onChange(toggleInOrder(order, key.id))} />
              {place !== null ? `${place + 1}. ` : ''}Use {key.name} for fallback <span className="muted">&nbsp;{presetFor(key.provider)?.label ?? key.provider}</span>
            </label>
            {place !== null ? (
              <span className="row">
                <button type="button" aria-label={`Move ${key.name} up`} disabled={disabled || place === 0} onClick={() => onChange(moveInOrder(order, key.id, -1))}>
                  Up
                </button>
                <button type="button" aria-label={`Move ${key.name} down`} disabled={disabled || place === used - 1} onClick={() => onChange(moveInOrder(order, key.id, 1))}>
                  Down
                </button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
