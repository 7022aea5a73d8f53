/**
 * "Spend by key" and "Spend by provider": which of the person's keys (and so which card) paid for
 * what, over the dashboard's days. Read from the daily rollups' per-key totals (written at
 * settlement, lib/ledger/key-spend.ts), never from the ledger, so it stays as fast with 100k
 * requests as with ten. Keys are named and masked (`••••abcd`); the secret is never read.
 */
import type { WalletDb } from '../db/database';
import type { RollupRecord } from '../db/tables/rollups';
import { nanoToUsd } from '../budget/money';
import type { KeyView } from '../keys/keyring';
import { providerName } from '../ui/provider-name';
import { t } from '../i18n/t';
import { dayRange, UNKNOWN_PROVIDER } from './summary';

export interface KeySpendRow {
  keyId: string;
  /** The key's name, or "Deleted key" once it is gone. */
  name: string;
  /** `••••abcd`, or empty for a deleted key. */
  masked: string;
  /** The provider's name people see (`OpenAI`, `Anthropic`, ...). */
  provider: string;
  usd: number;
  requests: number;
}

export interface ProviderSpendRow {
  provider: string;
  usd: number;
  requests: number;
  /** How many keys of this provider spent in the range. */
  keys: number;
}

export interface SpendByKey {
  from: string;
  to: string;
  keys: KeySpendRow[];
  providers: ProviderSpendRow[];
  /** Spend recorded before rollups carried the key (or by entries with no key), in the range. */
  unattributed: { usd: number; requests: number };
}

type KeyInfo = Pick<KeyView, 'id' | 'name' | 'provider' | 'masked'>;

const providerLabel = (id: string): string => providerName(id || UNKNOWN_PROVIDER);
const byUsd = <T extends { usd: number; requests: number }>(label: (row: T) => string) => (a: T, b: T) =>
  b.usd - a.usd || b.requests - a.requests || label(a).localeCompare(label(b));

export function summarizeByKey(rollups: readonly RollupRecord[], keys: readonly KeyInfo[], range: { from: string; to: string }): SpendByKey {
  const known = new Map(keys.map((k) => [k.id, k]));
  const perKey = new Map<string, { nano: number; requests: number; provider: string }>();
  const perProvider = new Map<string, { nano: number; requests: number; keys: Set<string> }>();
  const unattributed = { nano: 0, requests: 0 };
  for (const row of rollups) {
    if (row.day < range.from || row.day > range.to) continue;
    const provider = providerLabel(row.provider);
    const p = perProvider.get(provider) ?? { nano: 0, requests: 0, keys: new Set<string>() };
    p.nano += row.costNano;
    p.requests += row.requests;
    perProvider.set(provider, p);
    let attributedNano = 0;
    let attributedRequests = 0;
    for (const [keyId, spend] of Object.entries(row.keys ?? {})) {
      const k = perKey.get(keyId) ?? { nano: 0, requests: 0, provider };
      k.nano += spend.costNano;
      k.requests += spend.requests;
      perKey.set(keyId, k);
      p.keys.add(keyId);
      attributedNano += spend.costNano;
      attributedRequests += spend.requests;
    }
    unattributed.nano += Math.max(0, row.costNano - attributedNano);
    unattributed.requests += Math.max(0, row.requests - attributedRequests);
  }
  const keyRows = [...perKey.entries()].map(([keyId, s]): KeySpendRow => {
    const key = known.get(keyId);
    return {
      keyId,
      name: key?.name ?? t('usage_deletedKey'),
      masked: key?.masked ?? '',
      provider: key ? providerLabel(key.provider) : s.provider,
      usd: nanoToUsd(s.nano),
      requests: s.requests,
    };
  });
  const providerRows = [...perProvider.entries()].map(([provider, s]) => ({ provider, usd: nanoToUsd(s.nano), requests: s.requests, keys: s.keys.size }));
  return {
    ...range,
    keys: keyRows.sort(byUsd((r) => r.name)),
    providers: providerRows.sort(byUsd((r) => r.provider)),
    unattributed: { usd: nanoToUsd(unattributed.nano), requests: unattributed.requests },
  };
}

/** Spend by key and by provider over the last `days` days, from the rollups of those days; `keys` is the masked key list. */
export async function spendByKey(db: WalletDb, keys: readonly KeyInfo[], options: { days: number; now: number }): Promise<SpendByKey> {
  const days = dayRange(options.days, options.now);
  const range = { from: days[0] ?? '', to: days[days.length - 1] ?? '' };
  const rollups = await db.rollups.where('day').between(range.from, range.to, true, true).toArray();
  return summarizeByKey(rollups, keys, range);
}
