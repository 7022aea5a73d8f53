/**
 * What a call is charged (docs/BUDGETS.md, Settlement). What the provider reported is what it
 * billed: recorded in full, even above the reservation, so the ledger never shows less than was
 * spent. Where it reported nothing, the wallet's own count stands in, and that guess is kept
 * within the reservation (the bound of anything the provider could bill).
 */
import { costNano, type Metered, type Price } from './price';
import type { Nano } from './money';

export function chargeNano(price: Price, reservedNano: Nano, billed: Metered | null | undefined, counted: Metered): Nano {
  const estimate = Math.min(costNano(price, counted), reservedNano);
  return billed ? Math.max(costNano(price, billed), estimate) : estimate;
}
