import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';

export function LockButton() {
  const lock = useAction(() => call('vault.lock'));
  return (
    <button onClick={() => void lock.run()} disabled={lock.busy}>
      Lock
    </button>
  );
}
