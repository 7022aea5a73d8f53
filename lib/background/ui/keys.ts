/** UI commands for provider keys: add (validated), list, remove. */
import type { WalletContext } from '../context';
import { ErrorCode, WalletError } from '../../protocol/errors';
import { messages } from '../../protocol/messages';
import { validateKey } from '../../keys/validate';
import type { KeyView } from '../../keys/keyring';
import type { KeyRecord } from '../../db/tables/keys';
import { presetFor, knownModels } from '../../providers/presets';

export interface AddKeyParams {
  provider: string;
  name?: string | undefined;
  secret: string;
  baseUrl?: string | undefined;
  saveUnvalidated?: boolean | undefined;
}

export async function addKey(ctx: WalletContext, p: AddKeyParams): Promise<{ saved: boolean; key?: KeyView; validation: { status: string; message: string } }> {
  const preset = presetFor(p.provider);
  if (!preset) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('provider', 'unknown provider'));
  const baseUrl = p.baseUrl?.trim().replace(/\/+$/, '') || undefined;
  if (preset.needsBaseUrl && !baseUrl) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('baseUrl', `required for ${preset.label}`));
  const secret = p.secret.trim();
  if (!secret && !preset.keyless) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('secret', 'the API key is empty'));
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

export async function removeKey(ctx: WalletContext, p: { id: string }) {
  await ctx.keyring.remove(p.id);
  ctx.uiChanged();
  return null;
}
