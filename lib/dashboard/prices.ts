/** What the person is told about a model's price on a key: theirs, the dated table's, local, or unknown. */
import { PRICES_UPDATED, priceFor } from '../budget/prices';
import { messages } from '../protocol/messages';

export function priceNote(key: { provider: string; baseUrl?: string | undefined }, model: string, overrides: ReadonlyArray<{ model: string; inputPerM: number; outputPerM: number }>): string {
  const price = priceFor({ providerId: key.provider, model, baseUrl: key.baseUrl, overrides });
  if (!price) return messages.priceUnknown();
  if (price.source === 'override') return messages.priceOverride(price.inputPerM, price.outputPerM);
  if (price.source === 'local') return messages.priceLocal();
  return messages.priceTable(price.inputPerM, price.outputPerM, PRICES_UPDATED);
}
