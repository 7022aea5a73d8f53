/** UI commands for provider keys: add (validated), rename, enable/disable, rotate, re-validate, remove. */
import type { WalletContext } from '../context';
import { ErrorCode, WalletError, type Said } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { invalidParam, phrase } from '../../protocol/said';
import { validateKey } from '../../keys/validate';
import { toKeyView, type KeyView } from '../../keys/keyring';
import type { KeyRecord } from '../../db/tables/keys';
import { presetFor, knownModels } from '../../providers/presets';

export interface AddKeyParams {
  provider: string;
  name?: string | undefined;
  secret: string;
  baseUrl?: string | undefined;
  saveUnvalidated?: boolean | undefined;
}

/** What saving a secret (add or rotate) answers: saved, or the validation that stopped it. */
export interface SaveKeyResult {
  saved: boolean;
  key?: KeyView;
  validation: { status: string; message: string; said?: Said | undefined };
}

export async function addKey(ctx: WalletContext, p: AddKeyParams): Promise<SaveKeyResult> {
  const preset = presetFor(p.provider);
  if (!preset) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('provider', 'unknown provider'));
  const baseUrl = p.baseUrl?.trim().replace(/\/+$/, '') || undefined;
  if (preset.needsBaseUrl && !baseUrl) throw invalidParam('baseUrl', phrase('problemBaseUrlRequired', preset.label));
  const secret = p.secret.trim();
  if (!secret && !preset.keyless) throw invalidParam('secret', phrase('problemSecretEmpty'));
  await ctx.vault.requireKey();
  const draft = { provider: preset.id, ...(baseUrl ? { baseUrl } : {}) } as KeyRecord;
  const validation = await validateKey(ctx.providers.adapterFor(draft), ctx.providers.credentialsFor(draft, secret));
  if (validation.status !== 'valid' && !p.saveUnvalidated) return { saved: false, validation };
  const key = await ctx.keyring.add({
    provider: preset.id,
    name: p.name?.trim() || preset.label,
    secret,
    ...(baseUrl ? { baseUrl } : {}),
    models: validation.models.length ? validation.models : knownModels(preset.id),
    status: validation.status,
    statusMessage: validation.message,
  });
  ctx.uiChanged();
  return { saved: true, key, validation };
}

/** Renames and/or enables or disables a key. */
export async function updateKey(ctx: WalletContext, p: { id: string; name?: string | undefined; enabled?: boolean | undefined }): Promise<KeyView> {
  let view = toKeyView(await ctx.keyring.require(p.id));
  if (p.name !== undefined) view = await ctx.keyring.rename(p.id, p.name);
  if (p.enabled !== undefined) view = await ctx.keyring.setEnabled(p.id, p.enabled);
  ctx.uiChanged();
  return view;
}

/**
 * Replaces a key's secret, keeping the record (and so every grant that routes to it). The new
 * secret is validated against the same provider and base URL first, as when adding a key.
 */
export async function rotateKey(ctx: WalletContext, p: { id: string; secret: string; saveUnvalidated?: boolean | undefined }): Promise<SaveKeyResult> {
  const record = await ctx.keyring.require(p.id);
  const secret = p.secret.trim();
  if (!secret && !presetFor(record.provider)?.keyless) throw invalidParam('secret', phrase('problemSecretEmpty'));
  await ctx.vault.requireKey();
  const validation = await validateKey(ctx.providers.adapterFor(record), ctx.providers.credentialsFor(record, secret));
  if (validation.status !== 'valid' && !p.saveUnvalidated) return { saved: false, validation };
  const key = await ctx.keyring.rotate(p.id, secret, validation);
  ctx.uiChanged();
  return { saved: true, key, validation };
}

/** Checks a stored key with its provider now, and records the outcome (status, message, models). */
export async function validateKeyNow(ctx: WalletContext, p: { id: string }): Promise<{ key: KeyView; validation: { status: string; message: string; said?: Said | undefined } }> {
  const record = await ctx.keyring.require(p.id);
  const secret = await ctx.keyring.secretOf(record);
  const validation = await validateKey(ctx.providers.adapterFor(record), ctx.providers.credentialsFor(record, secret));
  const key = await ctx.keyring.recordValidation(p.id, validation);
  ctx.uiChanged();
  return { key, validation: { status: validation.status, message: validation.message, said: validation.said } };
}

/** The sites and apps that a key serves (some model of theirs routes to it): deleting it asks first, naming them. */
export async function sitesRoutedTo(ctx: WalletContext, p: { id: string }): Promise<string[]> {
  return (await ctx.grants.list()).filter((g) => Object.values(g.routes).includes(p.id)).map((g) => g.origin);
}

export async function removeKey(ctx: WalletContext, p: { id: string }) {
  await ctx.keyring.remove(p.id);
  ctx.uiChanged();
  return null;
}
