import { useState } from 'react';
import { t } from '@/lib/i18n/t';
import { rich } from '@/lib/i18n/rich';
import { call } from '@/lib/ui/client';
import { useAction, useWallet } from '@/lib/ui/hooks';
import { ErrorText } from './Field';

/** The commands that set up local apps (docs/TERMINAL.md): typed as they are, in any language. */
const INSTALL_COMMAND = 'npx byok-bridge install';
const CONNECT_COMMAND = 'byok-bridge connect --name NAME';

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
      <h3 id="apps-title">{t('apps_title')}</h3>
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
        {t('apps_allow')}
      </label>
      <p className="muted">{rich('apps_intro', <code>{INSTALL_COMMAND}</code>, <code>{CONNECT_COMMAND}</code>)}</p>
      {s?.state === 'running' && s.address ? (
        <p>{rich('apps_endpoint', <code data-testid="local-apps-address">{s.address}</code>)}</p>
      ) : null}
      {s?.state === 'starting' ? <p className="muted">{t('apps_starting')}</p> : null}
      {s?.state === 'error' ? <p className="warn" role="status">{t('apps_notRunning', s.error ?? '')}</p> : null}
      <ErrorText error={settings.error ?? status.error ?? save.error} />
    </section>
  );
}
