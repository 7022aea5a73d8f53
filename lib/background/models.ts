/**
 * `models()`: what the site may use, with the provider and a label for each. The label names the
 * provider (`gpt-4o-mini (OpenAI)`), never the key: the name a person gives a key ("Jane Doe - ACME
 * corp card") is theirs, and sites must not see it (docs/THREAT_MODEL.md).
 */
import { ErrorCode, WalletError } from '../protocol/errors';
import { messages } from '../protocol/messages';
import { isActive } from '../grants/grants';
import { presetFor } from '../providers/presets';
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
    const provider = ctx.providers.providerName(key);
    out.push({ id: model, provider, label: `${model} (${presetFor(key.provider)?.label ?? provider})` });
  }
  return out;
}
