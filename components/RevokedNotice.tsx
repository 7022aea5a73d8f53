import { useEffect, useRef } from 'react';
import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { UNDO_MS } from '@/lib/grants/grants';
import { ErrorText } from './Field';

/**
 * Revoke acts at once (the site can always ask again); this says what happened and offers Undo
 * while the wallet can still put the grant back. Focus moves to Undo, so it is one key away.
 */
export function RevokedNotice({ origin, onDone }: { origin: string; onDone: () => void }) {
  const undo = useAction(async () => {
    await call('grants.restore', { origin });
    onDone();
  });
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), [origin]);
  useEffect(() => {
    // A little before the wallet forgets the grant, so an Undo shown always works.
    const timer = setTimeout(onDone, UNDO_MS - 1_000);
    return () => clearTimeout(timer);
  }, [origin, onDone]);
  return (
    <div role="status" className="notice">
      <span>{rich('sites_revokedNotice', <span className="origin">{origin}</span>)}</span>{' '}
      <button ref={button} onClick={() => void undo.run()} disabled={undo.busy} aria-label={t('sites_undoLabel', origin)}>
        {t('sites_undo')}
      </button>
      <ErrorText error={undo.error} />
    </div>
  );
}
