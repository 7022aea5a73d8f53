import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { t } from '@/lib/i18n/t';

export function LockButton() {
  const lock = useAction(() => call('vault.lock'));
  return (
    <button onClick={() => void lock.run()} disabled={lock.busy}>
      {t('vault_lock')}
    </button>
  );
}
