import { PRICE_SOURCE } from '@/lib/budget/prices';

/** Where the built-in prices come from: the pinned catalog's name, version and date (lib/budget/catalog.generated.ts). */
export function PriceCatalogNote() {
  return (
    <p className="muted" role="group" aria-label="Price catalog">
      Built-in prices come from the{' '}
      <a href={PRICE_SOURCE.homepage} target="_blank" rel="noreferrer">
        {PRICE_SOURCE.name}
      </a>{' '}
      catalog, version {PRICE_SOURCE.version}, dated <time dateTime={PRICE_SOURCE.date}>{PRICE_SOURCE.date}</time>; models newer than it were priced by byok
      on <time dateTime={PRICE_SOURCE.additionsDate}>{PRICE_SOURCE.additionsDate}</time>.
    </p>
  );
}
