/** What a connected site's settings view shows: its grant, which key serves each model, and the choices. */
import type { GrantRecord, OverBudget } from '../db/tables/grants';
import type { KeyView } from '../keys/keyring';
import { toPublicGrant, type Grant } from '../grants/grants';
import type { MediaScope } from '../protocol/scopes';

export interface ModelChoice {
  model: string;
  /** The enabled keys that offer the model, in the keyring's order (the first is the default route). */
  keys: { id: string; name: string; provider: string }[];
}

export interface SiteDetails {
  grant: Grant;
  /** Model → key id, for each allowed model. */
  routes: Record<string, string>;
  /** The default model of each media scope the site has (speech, transcription, images). */
  defaults: Partial<Record<MediaScope, string>>;
  /** The site's own over-budget setting; null: the wallet's (`walletOverBudget`). */
  overBudget: OverBudget | null;
  walletOverBudget: OverBudget;
  /** Every model the site may be given: those of the person's enabled keys, and those it has. */
  choices: ModelChoice[];
  /** The site's own fallback order between keys (lib/pipeline/fallback.ts); null: the wallet's. */
  keyFallback: string[] | null;
  /** The enabled keys, which a fallback order may name. */
  fallbackKeys: KeyChoice[];
}

export interface KeyChoice {
  id: string;
  name: string;
  provider: string;
}

export function siteDetails(record: GrantRecord, keys: KeyView[], walletOverBudget: OverBudget, now: number): SiteDetails {
  const byModel = new Map<string, ModelChoice>();
  for (const key of keys) {
    if (!key.enabled) continue;
    for (const model of key.models) {
      let choice = byModel.get(model);
      if (!choice) byModel.set(model, (choice = { model, keys: [] }));
      choice.keys.push({ id: key.id, name: key.name, provider: key.provider });
    }
  }
  // A granted model whose key was disabled or removed is still listed, so it can be seen and dropped.
  for (const model of record.models) {
    if (!byModel.has(model)) {
      const key = keys.find((k) => k.id === record.routes[model]);
      byModel.set(model, { model, keys: key ? [{ id: key.id, name: key.name, provider: key.provider }] : [] });
    }
  }
  const granted = new Set(record.models);
  const choices = [...byModel.values()].sort((a, b) => Number(granted.has(b.model)) - Number(granted.has(a.model)) || a.model.localeCompare(b.model));
  return {
    grant: toPublicGrant(record, now),
    routes: Object.fromEntries(record.models.map((m) => [m, record.routes[m] ?? ''])),
    defaults: { ...record.defaults },
    overBudget: record.overBudget ?? null,
    walletOverBudget,
    choices,
    keyFallback: record.keyFallback ?? null,
    fallbackKeys: keys.filter((k) => k.enabled).map((k) => ({ id: k.id, name: k.name, provider: k.provider })),
  };
}
