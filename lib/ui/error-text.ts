/**
 * An error as the wallet's pages show it: in the person's language when the wallet said it by name
 * (lib/protocol/said.ts) and the message file has that message, else in the worker's words as
 * today. The code and the worker's exact words are details, shown only where they add something.
 */
import type { Said, SaidName } from '../protocol/errors';
import { t, type MessageKey } from '../i18n/t';

/** What a page keeps of an error (lib/ui/hooks.ts): the worker's English message, its code, and what it said by name. */
export interface ShownError {
  message: string;
  code?: number | undefined;
  said?: Said | undefined;
}

/**
 * The messages the pages say in the person's language, each by its key. A translation may leave
 * out a value that is someone else's words (a provider's, a validator's): those stay in the details.
 */
export const ERROR_KEYS = {
  backupDamaged: 'error_backupDamaged',
  backupDowngrade: 'error_backupDowngrade',
  backupInvalid: 'error_backupInvalid',
  backupKeyUnreadable: 'error_backupKeyUnreadable',
  backupNewer: 'error_backupNewer',
  backupNoFile: 'error_backupNoFile',
  backupNotBackup: 'error_backupNotBackup',
  backupNotJson: 'error_backupNotJson',
  backupSchemaNewer: 'error_backupSchemaNewer',
  backupTooLarge: 'error_backupTooLarge',
  backupWrongPassphrase: 'error_backupWrongPassphrase',
  hostPermissionRefused: 'error_hostPermissionRefused',
  invalidParams: 'error_invalidParams',
  keyNameEmpty: 'error_keyNameEmpty',
  keyNotFound: 'error_keyNotFound',
  keyRejected: 'error_keyRejected',
  keyUnreachable: 'error_keyUnreachable',
  keyUnverified: 'error_keyUnverified',
  locked: 'error_locked',
  newPassphraseMismatch: 'error_newPassphraseMismatch',
  noWallet: 'error_noWallet',
  passphraseMismatch: 'error_passphraseMismatch',
  passphraseTooShort: 'error_passphraseTooShort',
  problemBaseUrlRequired: 'error_problemBaseUrlRequired',
  problemKeyDoesNotOffer: 'error_problemKeyDoesNotOffer',
  problemMustBeAllowedModel: 'error_problemMustBeAllowedModel',
  problemNoKeyOffers: 'error_problemNoKeyOffers',
  problemNotAllowedModel: 'error_problemNotAllowedModel',
  problemNotConnected: 'error_problemNotConnected',
  problemNotRestorable: 'error_problemNotRestorable',
  problemSecretEmpty: 'error_problemSecretEmpty',
  problemUnknownField: 'error_problemUnknownField',
  raiseNotConnected: 'error_raiseNotConnected',
  raiseTooLow: 'error_raiseTooLow',
  siteBudgetInvalid: 'error_siteBudgetInvalid',
  siteExpiryInvalid: 'error_siteExpiryInvalid',
  siteExpiryPast: 'error_siteExpiryPast',
  siteNoModels: 'error_siteNoModels',
  siteNoScopes: 'error_siteNoScopes',
  siteRateInvalid: 'error_siteRateInvalid',
  tooManyAttempts: 'error_tooManyAttempts',
  vaultChanged: 'error_vaultChanged',
  vaultDowngrade: 'error_vaultDowngrade',
  vaultRefused: 'error_vaultRefused',
  walletExists: 'error_walletExists',
  walletNoAnswer: 'error_walletNoAnswer',
  wrongPassphrase: 'error_wrongPassphrase',
} as const satisfies Partial<Record<SaidName, MessageKey>>;

/** Messages whose last value is someone else's words (a provider's, a validator's): their translation leaves it to the details. */
export const LEAVES_OUT_DETAIL: ReadonlySet<SaidName> = new Set<SaidName>(['keyRejected', 'keyUnreachable', 'keyUnverified', 'vaultRefused']);

/** `said` in the person's language, or null when some part of it has no message of its own. */
export function saidText(said: Said): string | null {
  const key = (ERROR_KEYS as Partial<Record<SaidName, MessageKey>>)[said.name];
  if (!key) return null;
  const values: string[] = [];
  for (const value of said.values) {
    const text = typeof value === 'string' ? value : saidText(value);
    if (text === null) return null;
    values.push(text);
  }
  return t(key, ...values) || null;
}

/** What an error shows: its text, and the details (code and the worker's exact words) when they differ from it. */
export interface ErrorView {
  text: string;
  details: string | null;
}

export function errorView(error: string | ShownError): ErrorView {
  if (typeof error === 'string') return { text: error, details: null };
  const text = (error.said && saidText(error.said)) || error.message;
  if (error.code !== undefined) return { text, details: text === error.message ? null : t('error_details', error.code, error.message) };
  // A page's own problem has no code and no words of the worker's: only a provider's words, left out of the text, are details.
  return { text, details: error.said && LEAVES_OUT_DETAIL.has(error.said.name) ? error.message : null };
}

/** What a page keeps of anything an action threw: the message, and the code and name it came with. */
export function toShownError(error: unknown): ShownError {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, said } = error as { code?: unknown; said?: Said };
  return { message: error.message, ...(typeof code === 'number' ? { code } : {}), ...(said ? { said } : {}) };
}
