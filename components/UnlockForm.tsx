import { useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { useArmed } from '@/lib/ui/use-armed';
import { ErrorText, Field } from './Field';

/**
 * Passphrase + Unlock (docs/API.md, "For testers"); used by the popup, the options page and the unlock window.
 *
 * `guarded` is for the unlock window, which a site can open while the person types in its page
 * (docs/THREAT_MODEL.md, "keystrokes"): until the window has been shown and focused for a moment
 * with no key pressed (lib/ui/arming.ts), what is typed is dropped and Unlock does nothing, so text
 * meant for the page never becomes a failed attempt (and the back-off after a few). The popup and
 * the options page are opened by the person, who may type at once.
 */
export function UnlockForm({ onUnlocked, guarded = false }: { onUnlocked?: () => void; guarded?: boolean }) {
  const [passphrase, setPassphrase] = useState('');
  const [dropped, setDropped] = useState(false);
  const arming = useArmed({ restartOnKeys: true });
  const ready = () => !guarded || arming.isArmed();
  const unlock = useAction(async () => {
    await call('vault.unlock', { passphrase });
    setPassphrase('');
    onUnlocked?.();
  });
  const type = (value: string) => {
    if (ready()) return setPassphrase(value);
    setPassphrase('');
    setDropped(true);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready() && passphrase) void unlock.run();
  };
  const armed = !guarded || arming.armed;
  return (
    <form onSubmit={submit}>
      <Field label={t('unlock_passphrase')} type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => type(e.target.value)} />
      {dropped && !passphrase ? (
        <p className="muted" role="status">
          {t('unlock_dropped')}
        </p>
      ) : null}
      <ErrorText error={unlock.error} />
      <div className="actions">
        <button className="primary" type="submit" data-armed={armed ? 'true' : 'false'} aria-disabled={armed ? undefined : true} disabled={unlock.busy || !passphrase}>
          {unlock.busy ? t('unlock_unlocking') : t('unlock_unlock')}
        </button>
      </div>
    </form>
  );
}
