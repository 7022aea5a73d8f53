/**
 * Which key serves which model of a grant: checked here only, for the approval window's
 * decision (lib/background/connect.ts) and for the person's edits (lib/background/ui/grants.ts).
 */
import type { KeyView } from '../keys/keyring';
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
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
    if (!keyId) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('models', `no key offers '${model}'`));
    routes[model] = keyId;
  }
  const byId = new Map(keys.map((k) => [k.id, k]));
  for (const [model, keyId] of Object.entries(chosen)) {
    if (!models.includes(model)) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams(`routes.${model}`, 'not an allowed model'));
    const key = byId.get(keyId);
    if (!key?.enabled || !key.models.includes(model)) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams(`routes.${model}`, `that key does not offer '${model}'`));
    routes[model] = keyId;
  }
  return routes;
}
