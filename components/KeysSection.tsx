import { useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import type { KeyView } from '@/lib/ui/types';
import { KeyFallbackOrder } from './KeyFallbackOrder';
import { AddKeyForm } from './AddKeyForm';
import { ErrorText } from './Field';
import { KeyRow } from './KeyRow';
import { EmptyState, View } from './views/View';
import { t } from '@/lib/i18n/t';

/** The Keys view: every key with its actions, and Add key. */
export function KeysSection() {
  const keys = useWallet(() => call('keys.list'));
  const [adding, setAdding] = useState(false);
  const { openerRef, onKeyDown } = useEscapeToClose(adding, () => setAdding(false));
  return (
    <View title={t('keys_title')}>
      <div className="card" onKeyDown={onKeyDown}>
        {keys.data?.length === 0 ? <EmptyState>{t('keys_empty')}</EmptyState> : null}
        <ul className="plain" aria-label={t('keys_listLabel')}>
          {keys.data?.map((key) => <KeyRow key={key.id} keyView={key} />)}
        </ul>
        <ErrorText error={keys.error} />
        {keys.data && keys.data.length > 1 ? <WalletFallbackOrder keys={keys.data} /> : null}
        {adding ? (
          <AddKeyForm onDone={() => setAdding(false)} />
        ) : (
          <div className="actions">
            <button className="primary" ref={openerRef} onClick={() => setAdding(true)}>
              {t('keys_add')}
            </button>
          </div>
        )}
      </div>
    </View>
  );
}

/** The wallet-wide fallback order between keys (a site may have its own, in its settings). */
function WalletFallbackOrder({ keys }: { keys: KeyView[] }) {
  const settings = useWallet(() => call('settings.get'));
  // Shown at once as the person set it, while it is saved (the wallet drops ids of keys gone).
  const [edited, setEdited] = useState<string[] | null>(null);
  const save = useAction((keyFallback: string[]) => call('settings.set', { keyFallback }));
  if (!settings.data) return <ErrorText error={settings.error} />;
  const change = (order: string[]) => {
    setEdited(order);
    void save.run(order);
  };
  return (
    <>
      <KeyFallbackOrder keys={keys.filter((k) => k.enabled)} order={edited ?? settings.data.keyFallback} onChange={change} disabled={save.busy} />
      <ErrorText error={save.error} />
    </>
  );
}
