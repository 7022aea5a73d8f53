import { useId, type InputHTMLAttributes } from 'react';

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

export function ErrorText({ error }: { error: string | null | undefined }) {
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
}
