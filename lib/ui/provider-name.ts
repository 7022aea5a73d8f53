/** A provider as a person knows it: its name ("OpenAI"), not the id the ledger keeps ("openai"). */
import { presetFor } from '../providers/presets';
import { UNKNOWN_PROVIDER } from '../dashboard/summary';
import { t } from '../i18n/t';

export function providerName(id: string): string {
  if (id === UNKNOWN_PROVIDER) return t('usage_unknownProvider');
  return presetFor(id)?.label ?? id;
}
