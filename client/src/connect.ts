/** Sugar over the page API: find the wallet, make sure the site is connected, chat in one call. */
import { getByok, type GetByokOptions } from './discover.js';
import { asByokError, ByokError, UNSUPPORTED } from './errors.js';
import { noWallet } from './messages.js';
import type { ByokProvider, ChatMessage, ChatOptions, ChatRequest, ConnectRequest, Grant, Scope } from './types.js';

/** The wallet's provider, or a {@link ByokError} (4200) saying no wallet was found. */
export async function requireByok(opts?: GetByokOptions): Promise<ByokProvider> {
  const byok = await getByok(opts);
  if (!byok) throw new ByokError(UNSUPPORTED, noWallet());
  return byok;
}

/**
 * The site's grant, connecting first (which may open the wallet's approval window) when there is
 * none or it lacks one of `scopes`. `req` is passed to `connect()`, with the missing scopes added.
 * `known` is the grant when the caller has just read it (saves a round trip).
 */
export async function ensureGrant(byok: ByokProvider, scopes: Scope[] = ['chat'], req: ConnectRequest = {}, known?: Grant | null): Promise<Grant> {
  try {
    const grant = known === undefined ? await byok.getGrant() : known;
    if (grant && scopes.every((s) => grant.scopes.includes(s))) return grant;
    const all = new Set([...(grant?.scopes ?? []), ...(req.scopes ?? []), ...scopes]);
    return await byok.connect({ ...req, scopes: [...all] });
  } catch (e) {
    throw asByokError(e) ?? e;
  }
}

export interface ChatTextOptions extends ChatOptions, Omit<ChatRequest, 'messages'> {
  /** A system message put before the prompt. */
  system?: string;
  /** Connect first when the site has no grant for chat (default true). */
  connect?: boolean;
}

/**
 * Sends `prompt` (a string, or whole messages) and resolves with the reply's text. Wallet errors
 * reject as {@link ByokError}; an abort rejects with an `AbortError`.
 */
export async function chatText(byok: ByokProvider, prompt: string | ChatMessage[], opts: ChatTextOptions = {}): Promise<string> {
  const { system, connect = true, signal, onDelta, ...rest } = opts;
  const messages: ChatMessage[] = typeof prompt === 'string' ? [{ role: 'user', content: prompt }] : [...prompt];
  if (system) messages.unshift({ role: 'system', content: system });
  if (connect) await ensureGrant(byok);
  try {
    return (await byok.chat({ ...rest, messages }, { signal, onDelta })).text;
  } catch (e) {
    throw asByokError(e) ?? e;
  }
}
