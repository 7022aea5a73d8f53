/** Every user- and developer-facing error message, in one place, so tests can assert on them. */
import { requestTooLarge } from './limits';

export const messages = {
  invalidParams: (field: string, problem: string) => `Invalid request: ${field}: ${problem}`,
  /** A message over its method's size limit (lib/protocol/limits.ts). */
  requestTooLarge,
  userRejected: () => 'The user rejected the request',
  approvalClosed: () => 'The user closed the approval window',
  notConnected: (origin: string) => `${origin} is not connected: call connect() first`,
  scopeNotGranted: (scope: string) => `The scope '${scope}' is not granted to this site`,
  keyDisabled: (model: string) => `The key that serves '${model}' is disabled in the wallet`,
  modelNotGranted: (model: string) => `The model '${model}' is not granted to this site`,
  noDefaultModel: () => 'No model given and the site has no default model',
  unsupportedMethod: (method: string) => `Unsupported method: ${method}`,
  unsupportedFeature: (provider: string, feature: string) => `${provider} does not support ${feature}`,
  rateLimited: (limit: number) => `Rate limit: at most ${limit} requests a minute for this site`,
  promptPending: () => 'A request from this site is already waiting for the user',
  promptBlocked: (seconds: number) => `Too many rejected requests: try again in ${seconds} s`,
  tooManyPending: () => 'Too many pending requests from this page: the user has not answered the ones already waiting',
  budgetExceeded: (need: string, left: string) =>
    `Budget exceeded: this request may cost up to $${need}, the site has $${left} left this period`,
  /** Transcription: audio whose duration cannot be measured is never sent (its cost would be unbounded). */
  audioUnmeasurable: () => 'not audio whose duration the wallet can measure (WAV, MP3, M4A, OGG, FLAC or WebM)',
  audioTypeContradicts: (said: string, container: string) => `'${said}' is not what the bytes are (${container} audio)`,
  /** Images: what a known model cannot make (the problem of an invalid `n`, `size` or `quality`). */
  imageCountTooMany: (model: string, max: number) => `${model} makes at most ${max} image${max === 1 ? '' : 's'} a request`,
  imageSizeUnknown: (model: string, sizes: readonly string[]) => `${model} makes ${sizes.join(', ')}`,
  imageQualityUnknown: (model: string, quality: string) => `${model} has no quality '${quality}'`,
  /** Speech: a text over the provider's own cap. */
  speechTooLong: (provider: string, max: number) => `${provider} takes at most ${max} characters`,
  noPrice: (model: string) => `No price is known for the model '${model}': set its price in the wallet first`,
  grantPaused: () => 'This site is paused in the wallet',
  grantExpired: () => 'This site\'s grant has expired',
  locked: () => 'The wallet is locked and was not unlocked',
  originRefused: (origin: string) => `The origin ${origin} cannot connect to the wallet`,
  storageFailed: () => 'The wallet could not record the request in its ledger (storage error); nothing was sent',
  /** The wallet's pages: a command the worker did not answer (lib/ui/client.ts). */
  walletNoAnswer: () => 'The wallet did not answer: try again',
  walletRestarted: () => 'The wallet restarted while the request was in flight',
  aborted: () => 'The request was aborted',
  setupClosed: () => 'The wallet\'s setup page was closed before the wallet was ready: the request was not approved',
  noKeys: () => 'The wallet has no keys yet: add one in the wallet\'s options',
  noWallet: () => 'Create the wallet first',
  walletExists: () => 'A wallet already exists',
  wrongPassphrase: () => 'Wrong passphrase',
  vaultRefused: (detail: string) => `The stored vault was refused: ${detail}`,
  tooManyAttempts: (seconds: number) => `Too many attempts: wait ${seconds} s`,
  passphraseTooShort: (min: number) => `The passphrase must have at least ${min} characters`,
  passphraseMismatch: () => 'The passphrases do not match',
  keyNotFound: () => 'That key no longer exists',
  // The problems of an invalid request that the wallet's own pages can meet (the second value of `invalidParams`).
  problemNotConnected: () => 'not connected',
  problemNotRestorable: () => 'this site was not revoked in the last few seconds, or it connected again',
  problemMustBeAllowedModel: () => 'must be an allowed model',
  problemNotAllowedModel: () => 'not an allowed model',
  problemNoKeyOffers: (model: string) => `no key offers '${model}'`,
  problemKeyDoesNotOffer: (model: string) => `that key does not offer '${model}'`,
  problemBaseUrlRequired: (provider: string) => `required for ${provider}`,
  problemSecretEmpty: () => 'the API key is empty',
  problemUnknownField: () => 'unknown field',
  provider: (provider: string, detail: string) => `${provider} error: ${detail}`,
  providerTimeout: (provider: string, seconds: number) => `${provider} did not answer within ${seconds} s`,
  providerUnreachable: (provider: string, detail: string) => `Could not reach ${provider}: ${detail}`,
  providerThrottled: (provider: string, seconds: number) =>
    `Chromium is holding back requests to ${provider} after repeated server errors; try again in about ${seconds < 90 ? (seconds < 2 ? 'a second' : seconds < 60 ? `${seconds} seconds` : 'a minute') : `${Math.round(seconds / 60)} minutes`}`,
  providerStreamCut: (provider: string) => `${provider} error: the answer stream ended before it was complete`,
  providerMalformed: (provider: string, what: string) => `${provider} error: malformed answer (${what})`,
  providerToolArguments: (provider: string, tool: string) =>
    `${provider} error: the arguments of the tool call '${tool}' are not a JSON object`,
  providerNoEmbeddings: (provider: string) => `${provider} has no embeddings API`,
  // The vault (issue 3): passphrase, KDF, backup, reset, key management.
  vaultDowngrade: (field: string, got: number, min: number) =>
    `Refused: the stored vault asks for a weaker key derivation than this wallet allows (kdf.${field}=${got}, minimum ${min}). ` +
    'It may have been tampered with (a downgrade attack). Restore a backup or reset the wallet.',
  backupDowngrade: (field: string, got: number, min: number) =>
    `Refused: this backup asks for a weaker key derivation than this wallet allows (kdf.${field}=${got}, minimum ${min}). ` +
    'It may have been tampered with (a downgrade attack).',
  vaultChanged: () => 'The vault changed while this was in progress (another window?): nothing was written, try again',
  newPassphraseMismatch: () => 'The new passphrases do not match',
  walletReset: () => 'The wallet was reset: everything was deleted',
  backupNotJson: () => 'This file is not a byok backup: it is not JSON',
  backupNotBackup: () => 'This file is not a byok backup',
  backupNewer: (version: number) => `This backup was made by a newer version of byok (format ${version}): update the wallet, then import it`,
  backupSchemaNewer: (version: number) => `This backup holds data of a newer wallet (database version ${version}): update the wallet, then import it`,
  backupTooLarge: (mb: number) => `The backup is too large: at most ${mb} MB`,
  backupWrongPassphrase: () => 'Wrong passphrase for this backup: use the passphrase the wallet had when the backup was exported',
  backupDamaged: () => 'The backup file is damaged or was modified: it cannot be opened',
  backupInvalid: (field: string, problem: string) => `The backup's contents are invalid: ${field}: ${problem}`,
  backupKeyUnreadable: (name: string) => `The key '${name}' in the backup cannot be decrypted: the backup is damaged`,
  backupImported: (counts: { keys: number; grants: number; prices: number; ledger: number }) =>
    `Backup imported: ${counts.keys} keys, ${counts.grants} sites, ${counts.prices} prices, ${counts.ledger} requests added`,
  backupNoFile: () => 'Choose a backup file first',
  keyValid: (models: number) => `Key works: ${models} models available`,
  keyRejected: (detail: string) => `The provider rejected this key: ${detail}`,
  keyUnreachable: (detail: string) => `Could not reach the provider: ${detail}`,
  keyUnverified: (detail: string) => `Could not validate the key: ${detail}`,
  keyNameEmpty: () => 'The name is empty',
  hostPermissionRefused: () => 'Permission to reach that base URL was refused',
  // Control (issue 4): site settings, budget raises, the dashboard, the audit log.
  budgetRaiseDeclined: (need: string, left: string) =>
    `Budget exceeded: this request may cost up to $${need}, the site has $${left} left this period, and the user did not raise the budget`,
  budgetRaiseUnavailable: (need: string, left: string) =>
    `Budget exceeded: this request may cost up to $${need}, the site has $${left} left this period (a prompt from this site is already open)`,
  /** `min` is an amount in dollars, its sign included ("$0.05"). */
  raiseTooLow: (min: string) => `must be at least ${min} to admit this request`,
  raiseNotConnected: () => 'The site is no longer connected',
  siteNoScopes: () => 'Choose at least one scope',
  siteNoModels: () => 'Choose at least one model',
  siteBudgetInvalid: () => 'The budget must be an amount in dollars, 0 or more',
  siteRateInvalid: () => 'The rate limit must be a whole number of requests a minute, from 1 to 10000',
  siteExpiryInvalid: () => 'The expiry is not a valid date and time',
  siteExpiryPast: () => 'The expiry must be in the future',
};

