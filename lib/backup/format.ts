/**
 * The encrypted backup file (docs/BACKUP.md): pure functions, no storage.
 *
 * A backup is a JSON file holding the vault header (the data key wrapped under a KEK derived
 * from the passphrase with scrypt, RFC 7914) and a payload: every record, as JSON, sealed under
 * the data key with XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha-03) and AAD `byok:backup:v1`.
 * Keys inside stay sealed as they are in the database, so a key is encrypted twice. The
 * passphrase the wallet had at export opens the backup, on any install.
 * @module
 */
import { open, seal } from '../crypto/aead';
import { fromBase64, fromUtf8, toBase64, utf8, wipe } from '../crypto/bytes';
import { CryptoError, WRONG_PASSPHRASE } from '../crypto/errors';
import { localDay } from '../budget/period';
import { ErrorCode } from '../protocol/errors';
import { fail, phrase, type SaidArgs, type SaidName } from '../protocol/said';
import { formatPath } from '../protocol/validate';
import { unwrapDataKey, type VaultHeader } from '../vault/envelope';
import { findDowngrade } from '../vault/downgrade';
import { vaultRefused } from '../vault/vault';
import { BackupContentsSchema, type BackupContents } from './contents';
import { MAX_BACKUP_CHARS, MAX_BACKUP_MB } from './limits';

/** `format` of every backup file. */
export const BACKUP_FORMAT = 'byok-backup';
/** The only file version this code writes; it reads this one and refuses newer ones by name. */
export const BACKUP_VERSION = 1;
const PAYLOAD_AAD = 'byok:backup:v1';
const FILE_FIELDS = ['format', 'version', 'vault', 'payload'];

/** A backup file as parsed from JSON (the vault header is checked when it is opened). */
export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  vault: VaultHeader;
  /** base64 of the nonce and of `ciphertext || tag`. */
  payload: { nonce: string; ciphertext: string };
}

/** A backup opened with its passphrase. The caller owns `dataKey` and must wipe or adopt it. */
export interface OpenedBackup {
  header: VaultHeader;
  dataKey: Uint8Array;
  contents: BackupContents;
}

/** -32602 with the message `name`: the wallet's pages say it in the person's language. */
const invalid = <N extends SaidName>(name: N, ...args: SaidArgs<N>) => fail(ErrorCode.invalidParams, name, ...args);

/** Seals `contents` under the data key, beside the header that wraps it. */
export function sealBackup(dataKey: Uint8Array, header: VaultHeader, contents: BackupContents): BackupFile {
  const plaintext = utf8(JSON.stringify(contents));
  try {
    const sealed = seal(dataKey, plaintext, utf8(PAYLOAD_AAD));
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      vault: header,
      payload: { nonce: toBase64(sealed.nonce), ciphertext: toBase64(sealed.ciphertext) },
    };
  } finally {
    wipe(plaintext);
  }
}

/** The file's text; refused when over {@link MAX_BACKUP_MB}. */
export function serializeBackup(file: BackupFile): string {
  const text = JSON.stringify(file, null, 2);
  if (text.length > MAX_BACKUP_CHARS) throw invalid('backupTooLarge', MAX_BACKUP_MB);
  return text;
}

/** `byok-backup-YYYY-MM-DD.json`, in local time. */
export function backupFilename(at: number): string {
  return `byok-backup-${localDay(at)}.json`;
}

/** Parses a file's text, naming what is wrong: not JSON, not a backup, a newer format, a bad field. */
export function parseBackupFile(text: unknown): BackupFile {
  if (typeof text !== 'string') throw invalid('backupNotBackup');
  if (text.length > MAX_BACKUP_CHARS) throw invalid('backupTooLarge', MAX_BACKUP_MB);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('backupNotJson');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('backupNotBackup');
  const o = value as Record<string, unknown>;
  if (o.format !== BACKUP_FORMAT) throw invalid('backupNotBackup');
  if (typeof o.version === 'number' && Number.isInteger(o.version) && o.version > BACKUP_VERSION) throw invalid('backupNewer', o.version);
  if (o.version !== BACKUP_VERSION) throw invalid('backupInvalid', 'version', `expected ${BACKUP_VERSION}`);
  const extra = Object.keys(o).find((k) => !FILE_FIELDS.includes(k));
  if (extra !== undefined) throw invalid('backupInvalid', extra.slice(0, 32), phrase('problemUnknownField'));
  if (typeof o.vault !== 'object' || o.vault === null) throw invalid('backupInvalid', 'vault', 'expected the vault header');
  const p = o.payload as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null || typeof p.nonce !== 'string' || typeof p.ciphertext !== 'string' || Object.keys(p).length !== 2) {
    throw invalid('backupInvalid', 'payload', 'expected { nonce, ciphertext }');
  }
  return value as BackupFile;
}

/**
 * Opens a parsed backup with its passphrase: unwraps the data key from the header (refusing a
 * KDF downgrade), opens the payload, and checks every record. `maxSchema` is the newest
 * database version this wallet reads.
 */
export async function openBackup(file: BackupFile, passphrase: string, maxSchema: number): Promise<OpenedBackup> {
  let dataKey: Uint8Array;
  try {
    dataKey = await unwrapDataKey(file.vault, passphrase);
  } catch (error) {
    if (error instanceof CryptoError && error.message === WRONG_PASSPHRASE) throw invalid('backupWrongPassphrase');
    const downgrade = error instanceof CryptoError ? findDowngrade((file.vault as { kdf?: unknown }).kdf) : null;
    if (downgrade) throw invalid('backupDowngrade', downgrade.field, downgrade.got, downgrade.min);
    throw invalid('backupInvalid', 'vault', vaultRefused(error, file.vault).message);
  }
  try {
    const contents = decodeContents(openPayload(dataKey, file.payload));
    if (contents.schemaVersion > maxSchema) throw invalid('backupSchemaNewer', contents.schemaVersion);
    return { header: file.vault, dataKey, contents };
  } catch (error) {
    wipe(dataKey);
    throw error;
  }
}

function openPayload(dataKey: Uint8Array, payload: BackupFile['payload']): string {
  let bytes: Uint8Array;
  try {
    bytes = open(dataKey, { nonce: fromBase64(payload.nonce), ciphertext: fromBase64(payload.ciphertext) }, utf8(PAYLOAD_AAD));
  } catch {
    throw invalid('backupDamaged');
  }
  try {
    return fromUtf8(bytes);
  } catch {
    throw invalid('backupDamaged');
  } finally {
    wipe(bytes);
  }
}

/** Parses and checks the payload's JSON. */
export function decodeContents(json: string): BackupContents {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalid('backupDamaged');
  }
  const result = BackupContentsSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : (issue?.path ?? []);
    throw invalid('backupInvalid', formatPath(path, ''), issue?.code === 'unrecognized_keys' ? phrase('problemUnknownField') : (issue?.message ?? 'invalid'));
  }
  return result.data as unknown as BackupContents;
}
