import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { call } from '@/lib/ui/client';
import { useAction } from '@/lib/ui/hooks';
import { formatTime } from '@/lib/ui/format';
import { useEscapeToClose } from '@/lib/ui/use-escape';
import type { KeyView } from '@/lib/ui/types';
import { presetFor } from '@/lib/providers/presets';
import { ErrorText, Field } from './Field';
import { RotateKeyForm } from './RotateKeyForm';
import { ConfirmDeleteKey } from './ConfirmDeleteKey';
import { plural, t, type MessageKey } from '@/lib/i18n/t';

const STATUS_TEXT: Record<KeyView['status'], MessageKey> = {
  valid: 'keys_statusValid',
  invalid: 'keys_statusInvalid',
  out_of_credit: 'keys_statusOutOfCredit',
  unverified: 'keys_statusUnverified',
  unreachable: 'keys_statusUnreachable',
};

type Editing = 'none' | 'rename' | 'rotate' | 'delete';

/** One key: what it is, how it fares, and what the person can do with it. */
export function KeyRow({ keyView: key }: { keyView: KeyView }) {
  const [editing, setEditing] = useState<Editing>('none');
  const update = useAction((changes: { name?: string; enabled?: boolean }) => call('keys.update', { id: key.id, ...changes }));
  const validate = useAction(() => call('keys.validate', { id: key.id }));
  const busy = update.busy || validate.busy;
  const close = () => setEditing('none');
  // Esc closes whichever form is open and gives focus back to the button that opened it.
  const { openerRef: renameRef, onKeyDown: escapeRename } = useEscapeToClose(editing === 'rename', close);
  const { openerRef: rotateRef, onKeyDown: escapeRotate } = useEscapeToClose(editing === 'rotate', close);
  const { openerRef: deleteRef, onKeyDown: escapeDelete } = useEscapeToClose(editing === 'delete', close);
  const onKeyDown = (e: KeyboardEvent) => [escapeRename, escapeRotate, escapeDelete].forEach((escape) => escape(e));
  return (
    <li aria-label={key.name} onKeyDown={onKeyDown}>
      <div>
        <strong>{key.name}</strong> <span className="muted">{presetFor(key.provider)?.label ?? key.provider}</span> <code>{key.masked}</code>{' '}
        <span className={`badge ${key.status === 'valid' ? 'ok' : key.status === 'invalid' ? 'error' : 'warn'}`}>{t(STATUS_TEXT[key.status])}</span>
        {key.enabled ? null : <span className="badge warn"> {t('keys_badgeDisabled')}</span>}
        {key.rateLimitedUntil ? <span className="badge warn"> {t('keys_rateLimitedUntil', formatTime(key.rateLimitedUntil))}</span> : null}
      </div>
      {key.baseUrl ? <div className="muted">{key.baseUrl}</div> : null}
      <div className="muted">
        {[
          plural('keys_modelCount', key.models.length),
          key.lastUsedAt ? t('keys_lastUsed', formatTime(key.lastUsedAt)) : t('keys_neverUsed'),
          ...(key.checkedAt ? [t('keys_checkedAt', formatTime(key.checkedAt))] : []),
        ].join(' · ')}
      </div>
      {key.status !== 'valid' && key.statusMessage ? <div className={key.status === 'invalid' ? 'error' : 'warn'}>{key.statusMessage}</div> : null}
      <div className="actions">
        <button ref={renameRef} aria-expanded={editing === 'rename'} onClick={() => setEditing(editing === 'rename' ? 'none' : 'rename')} aria-label={t('keys_renameLabel', key.name)} disabled={busy}>
          {t('keys_rename')}
        </button>
        <button ref={rotateRef} aria-expanded={editing === 'rotate'} onClick={() => setEditing(editing === 'rotate' ? 'none' : 'rotate')} aria-label={t('keys_rotateLabel', key.name)} disabled={busy}>
          {t('keys_rotate')}
        </button>
        <button onClick={() => void update.run({ enabled: !key.enabled })} aria-label={key.enabled ? t('keys_disableLabel', key.name) : t('keys_enableLabel', key.name)} disabled={busy}>
          {key.enabled ? t('keys_disable') : t('keys_enable')}
        </button>
        <button onClick={() => void validate.run()} aria-label={t('keys_revalidateLabel', key.name)} disabled={busy}>
          {validate.busy ? t('keys_checking') : t('keys_revalidate')}
        </button>
        <button className="danger" ref={deleteRef} onClick={() => setEditing('delete')} aria-label={t('keys_deleteLabel', key.name)} aria-expanded={editing === 'delete'} disabled={busy}>
          {t('keys_delete')}
        </button>
      </div>
      <ErrorText error={update.error ?? validate.error} />
      {editing === 'rename' ? <RenameForm name={key.name} onSave={(name) => update.run({ name })} onDone={() => setEditing('none')} /> : null}
      {editing === 'rotate' ? <RotateKeyForm keyView={key} onDone={() => setEditing('none')} /> : null}
      {editing === 'delete' ? <ConfirmDeleteKey keyView={key} onDone={() => setEditing('none')} /> : null}
    </li>
  );
}

function RenameForm({ name, onSave, onDone }: { name: string; onSave: (name: string) => Promise<unknown>; onDone: () => void }) {
  const [value, setValue] = useState(name);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await onSave(value)) !== undefined) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('keys_renameForm', name)}>
      <Field label={t('keys_newName')} value={value} maxLength={100} onChange={(e) => setValue(e.target.value)} />
      <div className="actions">
        <button className="primary" type="submit" disabled={!value.trim()}>
          {t('keys_saveName')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
