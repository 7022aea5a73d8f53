/**
 * Which key serves which model of a grant: checked here only, for the approval window's
 * decision (lib/background/connect.ts) and for the person's edits (lib/background/ui/grants.ts).
 */
import type { KeyView } from '../keys/keyring';
import { invalidParam, phrase } from '../protocol/said';
import { modelOffers } from './offers';

export interface RouteChoices {
  /** The routes the grant has: a model keeps its key. */
  kept?: Record<string, string>;
  /** The person's picks: a key that is enabled and offers the model. */
  chosen?: Record<string, string>;
}

/**
 * The route of each of `models`: the person's pick, else the key it has, else the first enabled
 * key that offers it. Throws -32602 for a model no key offers, or a pick that cannot serve it.
 */
export function grantRoutes(keys: KeyView[], models: string[], { kept = {}, chosen = {} }: RouteChoices = {}): Record<string, string> {
  const offers = new Map(modelOffers(keys).map((o) => [o.model, o.keyId]));
  const routes: Record<string, string> = {};
  for (const model of models) {
    const keyId = kept[model] ?? offers.get(model);
    if (!keyId) throw invalidParam('models', phrase('problemNoKeyOffers', model));
    routes[model] = keyId;
  }
  const byId = new Map(keys.map((k) => [k.id, k]));
  for (const [model, keyId] of Object.entries(chosen)) {
    if (!models.includes(model)) throw invalidParam(`routes.${model}`, phrase('problemNotAllowedModel'));
    const key = byId.get(keyId);
    if (!key?.enabled || !key.models.includes(model)) throw invalidParam(`routes.${model}`, phrase('problemKeyDoesNotOffer', model));
    routes[model] = keyId;
  }
  return routes;
}
