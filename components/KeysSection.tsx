import { useState } from 'react';
import { call } from '@/lib/ui/client';
import { useWallet } from '@/lib/ui/hooks';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import { AddKeyForm } from './AddKeyForm';
import { ErrorText } from './Field';
import { KeyRow } from './KeyRow';
import { EmptyState, View } from './views/View';

/** The Keys view: every key with its actions, and Add key. */
export function KeysSection() {
  const keys = useWallet(() => call('keys.list'));
  const [adding, setAdding] = useState(false);
  const { openerRef, onKeyDown } = useEscapeToClose(adding, () => setAdding(false));
  return (
    <View title="Keys">
      <div className="card" onKeyDown={onKeyDown}>
        {keys.data?.length === 0 ? <EmptyState>No keys yet. Add an OpenAI, Anthropic or OpenAI-compatible key: sites then use it through the wallet, never seeing it.</EmptyState> : null}
        <ul className="plain" aria-label="Keys">
          {keys.data?.map((key) => <KeyRow key={key.id} keyView={key} />)}
        </ul>
        <ErrorText error={keys.error} />
        {adding ? (
          <AddKeyForm onDone={() => setAdding(false)} />
        ) : (
          <div className="actions">
            <button className="primary" ref={openerRef} onClick={() => setAdding(true)}>
              Add key
            </button>
          </div>
        )}
      </div>
    </View>
  );
}
