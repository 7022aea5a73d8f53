import { useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import type { KeyView } from '@/lib/ui/types';
import { presetFor } from '@/lib/providers/presets';
import { AddKeyForm } from './AddKeyForm';
import { ErrorText } from './Field';

const STATUS_TEXT: Record<KeyView['status'], string> = {
  valid: 'valid',
  invalid: 'rejected by the provider',
  unverified: 'not validated',
  unreachable: 'provider unreachable',
};

export function KeysSection() {
  const keys = useWallet(() => call<KeyView[]>('keys.list'));
  const [adding, setAdding] = useState(false);
  const remove = useAction((id: string) => call('keys.remove', { id }));
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
      {keys.data?.length === 0 ? <p className="muted">No keys yet. Add an OpenAI, Anthropic or OpenAI-compatible key.</p> : null}
      <ul className="plain" aria-label="Keys">
        {keys.data?.map((key) => (
          <li key={key.id} className="row" style={{ justifyContent: 'space-between' }}>
            <span>
              <strong>{key.name}</strong> <span className="muted">{presetFor(key.provider)?.label ?? key.provider}</span>{' '}
              <code>{key.masked}</code>{' '}
              <span className={`badge ${key.status === 'valid' ? 'ok' : key.status === 'invalid' ? 'error' : 'warn'}`}>{STATUS_TEXT[key.status]}</span>
              {key.baseUrl ? <div className="muted">{key.baseUrl}</div> : null}
              <div className="muted">{key.models.length} models{key.lastUsedAt ? ` · last used ${new Date(key.lastUsedAt).toLocaleString()}` : ''}</div>
            </span>
            <button className="danger" onClick={() => void remove.run(key.id)} aria-label={`Delete key ${key.name}`}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <ErrorText error={keys.error ?? remove.error} />
      {adding ? (
        <AddKeyForm onDone={() => setAdding(false)} />
      ) : (
        <div className="actions">
          <button className="primary" onClick={() => setAdding(true)}>
            Add key
          </button>
        </div>
      )}
    </section>
  );
}
