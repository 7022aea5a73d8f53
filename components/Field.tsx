import { useId, type InputHTMLAttributes } from 'react';
import { t } from '@/lib/i18n/t';
import { errorView, type ShownError } from '@/lib/ui/error-text';

/** A labelled input: the label is the input's accessible name. */
export function Field({ label, hint, ...input }: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} />
      {hint ? <div className="muted">{hint}</div> : null}
    </div>
  );
}

/**
 * An error, in the person's language when the wallet said it by name (lib/ui/error-text.ts). The
 * alert holds only that text; the code and the worker's exact words, where they add something,
 * sit beside it behind Details.
 */
export function ErrorText({ error, tone = 'error' }: { error: string | ShownError | null | undefined; tone?: 'error' | 'warn' }) {
  if (!error) return null;
  const view = errorView(error);
  return (
    <>
      <p role="alert" className={tone}>
        {view.text}
      </p>
      {view.details ? (
        <details className="error-details">
          <summary>{t('common_details')}</summary>
          <p className="muted">{view.details}</p>
        </details>
      ) : null}
    </>
  );
}
