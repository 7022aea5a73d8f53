/** A model's price as admission and settlement use it. */
import { tokenCostNano, type Nano } from './money';

export interface Price {
  inputPerM: number;
  outputPerM: number;
}

export function costNano(price: Price, usage: { inputTokens: number; outputTokens: number }): Nano {
  return tokenCostNano(usage.inputTokens, price.inputPerM) + tokenCostNano(usage.outputTokens, price.outputPerM);
}
