/** The models a site can be offered: every model of the person's enabled keys, one key each. */
import type { KeyView } from '../keys/keyring';

export interface ModelOffer {
  model: string;
  keyId: string;
  /** For the person in the approval window only: a key's name never reaches a site. */
  keyName: string;
  provider: string;
  /** Present when the key's provider refused it or did not answer (for the approval window to mark). */
  keyHealth?: Pick<KeyView, 'status'> & Partial<Pick<KeyView, 'statusMessage' | 'checkedAt' | 'validatedAt'>>;
}

export function modelOffers(keys: KeyView[]): ModelOffer[] {
  const seen = new Set<string>();
  const offers: ModelOffer[] = [];
  for (const key of keys) {
    if (!key.enabled) continue;
    for (const model of key.models) {
      if (seen.has(model)) continue;
      seen.add(model);
      offers.push({ model, keyId: key.id, keyName: key.name, provider: key.provider, ...keyHealthOf(key) });
    }
  }
  return offers;
}

function keyHealthOf(key: KeyView): Pick<ModelOffer, 'keyHealth'> {
  if (key.status !== 'invalid' && key.status !== 'unreachable') return {};
  const { status, statusMessage, checkedAt, validatedAt } = key;
  return { keyHealth: { status, ...(statusMessage ? { statusMessage } : {}), ...(checkedAt ? { checkedAt } : {}), ...(validatedAt ? { validatedAt } : {}) } };
}
