/**
 * `POST /byok/connect` (what `byok-bridge connect` calls): makes the app's token, asks the wallet
 * to connect the app with the token's hash, and answers the token only once the person approved.
 * The token exists in the host's memory for this one answer; it is never written anywhere.
 */
import { json } from '../../client/src/_http';
import { APP_NAME_PATTERN, APP_SCOPES, type AppScope } from '../../lib/protocol/bridge-limits';
import type { BridgeWireError } from '../../lib/protocol/bridge';
import { ERROR_TABLE } from './errors';
import { hashToken, newAppToken } from './guard';
import type { WalletLink } from './wallet-link';

const PERIODS = new Set(['day', 'week', 'month', 'total']);

export interface ConnectBody {
  name: string;
  budget?: { usd: number; period: 'day' | 'week' | 'month' | 'total' };
  scopes?: AppScope[];
}

/** The body `connect` sends, checked; a string says what is wrong. */
export function parseConnectBody(text: string): ConnectBody | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  const { name, budget, scopes } = (body ?? {}) as { name?: unknown; budget?: { usd?: unknown; period?: unknown }; scopes?: unknown };
  if (typeof name !== 'string' || !APP_NAME_PATTERN.test(name)) return 'name: 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit';
  if (scopes !== undefined && !(Array.isArray(scopes) && scopes.length > 0 && scopes.length <= APP_SCOPES.length && scopes.every((s) => (APP_SCOPES as readonly unknown[]).includes(s)))) {
    return `scopes: a list of ${APP_SCOPES.join(', ')}`;
  }
  const asked = scopes === undefined ? {} : { scopes: scopes as AppScope[] };
  if (budget === undefined) return { name, ...asked };
  if (typeof budget.usd !== 'number' || !(budget.usd >= 0) || typeof budget.period !== 'string' || !PERIODS.has(budget.period)) return 'budget: { usd >= 0, period: day|week|month|total }';
  return { name, budget: { usd: budget.usd, period: budget.period as 'day' }, ...asked };
}

export async function handleConnect(link: WalletLink, text: string): Promise<Response> {
  const body = parseConnectBody(text);
  if (typeof body === 'string') return json({ error: { message: body, code: -32602 } }, 400);
  const token = newAppToken();
  try {
    const grant = await link.connect(body.name, hashToken(token), body.budget, body.scopes);
    return json({ token, grant });
  } catch (error) {
    const e = error as BridgeWireError;
    const status = ERROR_TABLE[e.code]?.status ?? 502;
    return json({ error: { message: e.message, code: e.code } }, status);
  }
}
