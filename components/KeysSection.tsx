import { useState } from 'react';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import type { KeyView } from '@/lib/ui/types';
import { AddKeyForm } from './AddKeyForm';
import { ErrorText } from './Field';
import { KeyRow } from './KeyRow';

export function KeysSection() {
  const keys = useWallet(() => call<KeyView[]>('keys.list'));
  const [adding, setAdding] = useState(false);
  return (
    <section className="card" aria-labelledby="keys-title">
      <h2 id="keys-title">Keys</h2>
      {keys.data?.length === 0 ? <p className="muted">No keys yet. Add an OpenAI, Anthropic or OpenAI-compatible key.</p> : null}
      <ul className="plain" aria-label="Keys">
        {keys.data?.map((key) => <KeyRow key={key.id} keyView={key} />)}
      </ul>
      <ErrorText error={keys.error} />
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
