import { useState } from 'react';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { ErrorText } from './Field';

/**
 * Local apps (docs/TERMINAL.md): the switch that starts the byok-bridge host, and its address.
 * Connected apps are listed with the sites, named "NAME (local app)".
 */
export function LocalAppsSection() {
  const settings = useWallet(() => call('settings.get'));
  const status = useWallet(() => call('apps.status'));
  const save = useAction((allowLocalApps: boolean) => call('settings.set', { allowLocalApps }));
  // The box follows the click at once; the saved setting catches up when the wallet answers.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const s = status.data;
  return (
    <section className="card" aria-labelledby="apps-title">
      <h3 id="apps-title">Local apps</h3>
      <label>
        <input
          type="checkbox"
          checked={chosen ?? settings.data?.allowLocalApps ?? false}
          disabled={!settings.data}
          onChange={(e) => {
            setChosen(e.target.checked);
            void save.run(e.target.checked);
          }}
 />{' '}
        Allow local apps
      </label>
      <p className="muted">
        Programs on this computer (CLIs, agents such as Claude Code) use your keys through a local endpoint, with a budget you approve, without ever holding a key. Set up with <code>npx byok-bridge install</code>, then <code>byok-bridge connect --name NAME</code>.
      </p>
      {s?.state === 'running' && s.address ? (
        <p>
          Local endpoint: <code data-testid="local-apps-address">{s.address}</code>
        </p>
      ) : null}
      {s?.state === 'starting' ? <p className="muted">Starting byok-bridge…</p> : null}
      {s?.state === 'error' ? <p className="warn" role="status">byok-bridge is not running: {s.error}</p> : null}
      <ErrorText error={settings.error ?? status.error ?? save.error} />
    </section>
  );
}
