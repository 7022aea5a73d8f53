import { useEffect } from 'react';
import { plural, t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { ApproveApp } from './ApproveApp';
import { ErrorText } from './Field';

/**
 * The approval window, one for every pending request (docs/PROTOCOL.md §6): it shows the oldest
 * request, which names its own origin, and how many more are waiting. Once the person answers it
 * the next one is shown in a fresh form (keyed by its id: nothing chosen for one request carries
 * over to the next); the wallet closes the window when none is left.
 */
export function ApprovalQueue() {
  const queue = useWallet(() => call('approvals.queue'));
  const q = queue.data;
  const kind = q?.current?.kind;
  useEffect(() => {
    // The raise form names itself; a connection that follows one gets its own title back.
    if (kind === 'connect') document.title = t('title_connect');
  }, [kind, q?.current?.id]);
  if (queue.error) return <Message><ErrorText error={queue.error} /></Message>;
  if (q === undefined) return <Message><p className="muted">{t('common_loading')}</p></Message>;
  if (!q.current) return <Message><p>{t('approve_noneWaiting')}</p></Message>;
  return (
    <>
      {q.waiting > 0 ? (
        <p className="queue-count" role="status" data-testid="queue-waiting">
          {plural('queue_waiting', q.waiting)}
        </p>
      ) : null}
      <ApproveApp key={q.current.id} id={q.current.id} />
    </>
  );
}

function Message({ children }: { children: React.ReactNode }) {
  return (
    <main className="narrow">
      <h1>{t('approve_queueHeading')}</h1>
      {children}
    </main>
  );
}
