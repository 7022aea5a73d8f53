import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { keyHealthNote, type KeyHealth } from '@/lib/ui/key-health';

/** One key that is not working, in plain words (lib/ui/key-health.ts); nothing for a working key. */
export function KeyHealthNote({ keyHealth, id }: { keyHealth: KeyHealth; id?: string }) {
  const note = keyHealthNote(keyHealth);
  if (!note) return null;
  return (
    <p id={id} className={`${note.level} small`} data-testid="key-health">
      {note.text}
    </p>
  );
}

/** The popup's notes for the keys that serve the current site (its routes) and are not working. */
export function SiteKeysHealth({ origin }: { origin: string }) {
  const keys = useWallet(async () => {
    const [details, all] = await Promise.all([call('grants.details', { origin }), call('keys.list')]);
    const used = new Set(Object.values(details?.routes ?? {}));
    return all.filter((k) => used.has(k.id));
  }, [origin]);
  const unwell = (keys.data ?? []).filter((k) => keyHealthNote(k));
  if (!unwell.length) return null;
  return (
    <div role="group" aria-label={t('health_attention')}>
      {unwell.map((k) => (
        <KeyHealthNote key={k.id} keyHealth={k} />
      ))}
    </div>
  );
}

type Offer = { keyId: string; keyName: string; keyHealth?: Omit<KeyHealth, 'name'> };

/** Beside a model in the approval window: its key is not working (the note below says why). */
export function OfferKeyMark({ offer }: { offer: Offer }) {
  if (!offer.keyHealth || !keyHealthNote({ ...offer.keyHealth, name: offer.keyName })) return null;
  return <span className={offer.keyHealth.status === 'invalid' ? 'error small' : 'warn small'}> · {t('health_notWorking')}</span>;
}

/** Under the approval window's models: one note per key that is not working. */
export function OffersKeyHealth({ offers }: { offers: readonly Offer[] }) {
  const keys = new Map(offers.filter((o) => o.keyHealth).map((o) => [o.keyId, { ...o.keyHealth!, name: o.keyName }]));
  return [...keys].map(([id, health]) => <KeyHealthNote key={id} keyHealth={health} />);
}
