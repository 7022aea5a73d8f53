/** `models()`: what the site may use, with the provider and a label for each. */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { isActive } from '../grants/grants';
import type { PageCaller, WalletContext } from './context';

export interface ModelInfo {
  id: string;
  provider: string;
  label: string;
}

export async function listModels(ctx: WalletContext, caller: PageCaller): Promise<ModelInfo[]> {
  const grant = await ctx.grants.get(caller.origin);
  if (!grant || !isActive(grant, ctx.now())) throw new WalletError(ErrorCode.unauthorized, messages.notConnected(caller.origin));
  const out: ModelInfo[] = [];
  for (const model of grant.models) {
    const keyId = grant.routes[model];
    const key = keyId ? await ctx.keyring.get(keyId) : undefined;
    if (!key) continue;
    out.push({ id: model, provider: ctx.providers.providerName(key), label: `${model} (${key.name})` });
  }
  return out;
}
