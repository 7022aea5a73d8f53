import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { t } from '@/lib/i18n/t';
import { call } from '@/lib/ui/client';
import { useArmed } from '@/lib/ui/use-armed';

/**
 * Approve and Reject of the approval window (connect and raise-budget). A page can open this
 * window while the person types or clicks in it (docs/THREAT_MODEL.md, "keystrokes"), so:
 * - only activating Approve itself approves (it is no submit button: Enter elsewhere does nothing);
 * - Approve is ignored until the window has been shown and focused for a moment (lib/ui/arming.ts),
 *   shown as `aria-disabled` and `data-armed` (which tests wait for);
 * - focus starts on Reject, where a stray key can at worst refuse the request.
 * Escape rejects (useEscapeRejects, for the whole window).
 */
export function PromptActions({ onApprove, onReject, busy, canApprove }: { onApprove: () => void; onReject: () => void; busy: boolean; canApprove: boolean }) {
  const rejectButton = useRef<HTMLButtonElement>(null);
  useEffect(() => rejectButton.current?.focus(), []);
  return (
    <div className="actions">
      <ArmedButton onActivate={onApprove} disabled={busy || !canApprove}>
        {t('approve_approve')}
      </ArmedButton>
      <button ref={rejectButton} type="button" onClick={onReject} disabled={busy}>
        {t('approve_reject')}
      </button>
    </div>
  );
}

/**
 * A primary button that acts only once armed (lib/ui/arming.ts), each from its own mount: the
 * prompts' Approve and the large-budget step's confirm.
 */
export function ArmedButton({ onActivate, disabled, children }: { onActivate: () => void; disabled: boolean; children: ReactNode }) {
  const { armed, isArmed } = useArmed();
  return (
    <button
      className="primary"
      type="button"
      data-armed={armed ? 'true' : 'false'}
      aria-disabled={armed ? undefined : true}
      disabled={disabled}
      onClick={() => {
        if (isArmed()) onActivate();
      }}
    >
      {children}
    </button>
  );
}

/** The prompts' forms never submit: Enter in a field must not act for the person (only Approve itself approves). */
export function preventSubmit(e: FormEvent): void {
  e.preventDefault();
}

/**
 * Escape rejects the prompt (4001, or 4402 for a raise) from the moment the window opens, before
 * its prompt has loaded too. Resolves nothing: the wallet closes the window once it has the answer.
 */
export function useEscapeRejects(id: string, onError: (message: string) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.repeat) return;
      e.preventDefault();
      call('approvals.decide', { id, approve: false }).catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, onError]);
}
