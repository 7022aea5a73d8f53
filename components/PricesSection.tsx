import { useId, useState, type FormEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { ErrorText, Field } from './Field';
import { PRICES_UPDATED } from '@/lib/budget/prices';
import { overrideInWords, priceNote } from '@/lib/dashboard/prices';
import { mediaUnitOf, type MediaUnit } from '@/lib/grants/media-price';
import { EmptyState } from './views/View';
import { PriceCatalogNote } from './PriceCatalogNote';
import { t, type MessageKey } from '@/lib/i18n/t';

interface PriceRow {
  keyId: string;
  model: string;
  inputPerM: number;
  outputPerM: number;
  perMChars?: number;
  perMinute?: number;
  perImage?: number;
}

/** A media model's one price field, named in its unit. */
const MEDIA_PRICE_LABEL: Readonly<Record<MediaUnit, MessageKey>> = {
  perMChars: 'prices_perMChars',
  perMinute: 'prices_perMinute',
  perImage: 'prices_perImage',
};

/** Prices the person sets: for custom endpoints, or to override the shipped table. */
export function PricesSection() {
  const keys = useWallet(() => call('keys.list'));
  const prices = useWallet(() => call('prices.list'));
  const keyId = useId();
  const modelId = useId();
  const [key, setKey] = useState('');
  const [model, setModel] = useState('');
  const [input, setInput] = useState('');
  const [output, setOutput] = useState('');
  const chosenKey = keys.data?.find((k) => k.id === key) ?? keys.data?.[0];
  const chosenModel = model || chosenKey?.models[0] || '';
  // A speech, transcription or image model is priced in its own unit, in one field (lib/grants/media-price.ts).
  const unit = mediaUnitOf(chosenModel);
  const save = useAction(() =>
    call('prices.set', unit ? { keyId: chosenKey?.id ?? '', model: chosenModel, inputPerM: 0, outputPerM: 0, [unit]: Number(input) } : { keyId: chosenKey?.id ?? '', model: chosenModel, inputPerM: Number(input), outputPerM: Number(output) }),
  );
  const remove = useAction((row: PriceRow) => call('prices.remove', { keyId: row.keyId, model: row.model }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  if (!keys.data) return null;
  if (!keys.data.length) {
    return (
      <section className="card" aria-labelledby="prices-title">
        <h3 id="prices-title">{t('prices_title')}</h3>
        <EmptyState>{t('prices_empty')}</EmptyState>
        <PriceCatalogNote />
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="prices-title">
      <h3 id="prices-title">{t('prices_title')}</h3>
      <p className="muted" data-testid="prices-updated">
        {t('prices_updated', PRICES_UPDATED)} {t('prices_intro')}
      </p>
      <PriceCatalogNote />
      <ul className="plain" aria-label={t('prices_overridesLabel')}>
        {prices.data?.map((row) => (
          <li key={`${row.keyId}/${row.model}`} className="row" style={{ justifyContent: 'space-between' }}>
            <span>
              {keys.data?.find((k) => k.id === row.keyId)?.name ?? row.keyId} · {row.model}: {overrideInWords(row)}
            </span>
            <button onClick={() => void remove.run(row)}>{t('prices_remove')}</button>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} aria-label={t('prices_form')}>
        <label htmlFor={keyId}>{t('prices_key')}</label>
        <select
          id={keyId}
          value={chosenKey?.id ?? ''}
          onChange={(e) => {
            setKey(e.target.value);
            setModel('');
          }}
        >
          {keys.data.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </select>
        <label htmlFor={modelId}>{t('prices_model')}</label>
        <select id={modelId} value={chosenModel} onChange={(e) => setModel(e.target.value)}>
          {chosenKey?.models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        {chosenKey && chosenModel ? (
          <p className="muted" data-testid="price-note">
            {priceNote(chosenKey, chosenModel, (prices.data ?? []).filter((p) => p.keyId === chosenKey.id))}
          </p>
        ) : null}
        {unit ? (
          <Field label={t(MEDIA_PRICE_LABEL[unit])} type="number" min="0" step="any" value={input} onChange={(e) => setInput(e.target.value)} required />
        ) : (
          <>
            <Field label={t('prices_inputPerM')} type="number" min="0" step="any" value={input} onChange={(e) => setInput(e.target.value)} required />
            <Field label={t('prices_outputPerM')} type="number" min="0" step="any" value={output} onChange={(e) => setOutput(e.target.value)} required />
          </>
        )}
        <ErrorText error={save.error ?? remove.error} />
        <div className="actions">
          <button type="submit" disabled={save.busy}>
            {t('prices_set')}
          </button>
        </div>
      </form>
    </section>
  );
}
