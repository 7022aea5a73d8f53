import { PRICE_SOURCE } from '@/lib/budget/prices';
import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';

/** Where the built-in prices come from: the pinned catalog's name, version and date (lib/budget/catalog.generated.ts). */
export function PriceCatalogNote() {
  return (
    <p className="muted" role="group" aria-label={t('prices_catalogLabel')}>
      {rich(
        'prices_catalogSource',
        <a href={PRICE_SOURCE.homepage} target="_blank" rel="noreferrer">
          {PRICE_SOURCE.name}
        </a>,
        PRICE_SOURCE.version,
        <time dateTime={PRICE_SOURCE.date}>{PRICE_SOURCE.date}</time>,
        <time dateTime={PRICE_SOURCE.additionsDate}>{PRICE_SOURCE.additionsDate}</time>,
      )}
    </p>
  );
}
