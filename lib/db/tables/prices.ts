/** Prices the person set, per provider key and model, in USD per million tokens. */
export const pricesV1 = '[keyId+model], keyId';

export interface PriceOverride {
  keyId: string;
  model: string;
  inputPerM: number;
  outputPerM: number;
}
