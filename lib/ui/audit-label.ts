/** How the audit log names its events, in the person's language (lib/audit/audit.ts lists them). */
import type { AuditType } from '../audit/audit';
import { t, type MessageKey } from '../i18n/t';

const LABELS: Readonly<Record<AuditType, MessageKey>> = {
  'wallet.created': 'audit_event_walletCreated',
  'wallet.reset': 'audit_event_walletReset',
  'unlock.failed': 'audit_event_unlockFailed',
  'passphrase.changed': 'audit_event_passphraseChanged',
  'passphrase.changeFailed': 'audit_event_passphraseChangeFailed',
  'connect.approved': 'audit_event_connectApproved',
  'connect.rejected': 'audit_event_connectRejected',
  'site.disconnected': 'audit_event_siteDisconnected',
  'grant.revoked': 'audit_event_grantRevoked',
  'grant.restored': 'audit_event_grantRestored',
  'grant.updated': 'audit_event_grantUpdated',
  'budget.raised': 'audit_event_budgetRaised',
  'budget.raiseRejected': 'audit_event_budgetRaiseRejected',
  'budget.overrun': 'audit_event_budgetOverrun',
  'key.added': 'audit_event_keyAdded',
  'key.rotated': 'audit_event_keyRotated',
  'key.updated': 'audit_event_keyUpdated',
  'key.removed': 'audit_event_keyRemoved',
  'settings.changed': 'audit_event_settingsChanged',
  'price.set': 'audit_event_priceSet',
  'price.removed': 'audit_event_priceRemoved',
  'backup.exported': 'audit_event_backupExported',
  'backup.imported': 'audit_event_backupImported',
  'backup.importFailed': 'audit_event_backupImportFailed',
};

/** The event's name; a type the wallet no longer writes (an old record) as it was stored. */
export function auditLabel(type: string): string {
  const key = LABELS[type as AuditType] as MessageKey | undefined;
  return key ? t(key) : type;
}
