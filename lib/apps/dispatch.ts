/**
 * The wallet's side of the local-apps channel: each intent the host sends runs through the same
 * page-method handlers as a site's (grant, models, lock, rate, budget, ledger, audit), with the
 * app (`app:NAME`) as the caller. The answer goes back with the wallet's own error codes; the
 * host turns them into HTTP.
 */
import type { FromHost, FromHostOf, ToHost } from '../protocol/bridge';
import { ErrorCode, WalletError, toWireError } from '../protocol/errors';
import { parseOrThrow } from '../protocol/validate';
import { messages } from '../protocol/messages';
import { browserBase64, bytesToTagged, taggedToBytes } from '../protocol/bridge-bytes';
import { pageMethodParams } from '../protocol/page-methods';
import { pageHandlers, type PageCall } from '../background/page-handlers';
import { connect } from '../background/connect';
import { DeltaBatcher } from '../background/ports';
import type { WalletContext } from '../background/context';
import type { AppTokens } from './app-tokens';
import { appOrigin } from './app-origin';
import { DEFAULT_APP_SCOPES } from '../protocol/bridge-limits';

/** The reason a 4100 carries when the token itself is refused (the host answers 401). */
export const TOKEN_REFUSED = 'token';

const tokenRefused = () => new WalletError(ErrorCode.unauthorized, 'Unknown or revoked app token: run `byok-bridge connect` again.', { reason: TOKEN_REFUSED });

/** A call's params with its tagged base64 back as bytes; base64 that is not is -32602, before validation. */
function withBytes(params: unknown): unknown {
  try {
    return taggedToBytes(params, browserBase64);
  } catch {
    throw new WalletError(ErrorCode.invalidParams, messages.invalidParams('params', 'bytes that are not base64'));
  }
}

export class AppDispatcher {
  private readonly inflight = new Map<number, AbortController>();
  /** One app prompt at a time, whatever its name: a local process cannot stack windows by varying names. */
  private connecting = false;

  constructor(
    private readonly ctx: WalletContext,
    private readonly tokens: AppTokens,
    private readonly send: (message: ToHost) => void,
  ) {}

  handle(message: FromHost): Promise<void> {
    switch (message.t) {
      case 'connect':
        return this.answer(message.id, () => this.connect(message));
      case 'call':
        return this.call(message);
      case 'cancel':
        this.inflight.get(message.id)?.abort();
        return Promise.resolve();
      default:
        return Promise.resolve();
    }
  }

  /** The host went away: every call of it stops. */
  closed(): void {
    for (const controller of this.inflight.values()) controller.abort();
    this.inflight.clear();
  }

  private async answer(id: number, run: () => Promise<unknown>, before?: () => void): Promise<void> {
    try {
      const value = await run();
      before?.();
      this.send({ t: 'res', id, ok: true, value: value ?? null });
    } catch (error) {
      before?.();
      this.send({ t: 'res', id, ok: false, error: toWireError(error) });
    }
  }

  private async connect(message: FromHostOf<'connect'>): Promise<unknown> {
    const origin = appOrigin(message.name);
    // A new token only with the person's approval: an app already connected is revoked in the wallet first.
    if (await this.ctx.grants.get(origin)) {
      throw new WalletError(ErrorCode.unauthorized, `The local app '${message.name}' is already connected: revoke it in the wallet's options page to connect it again, or choose another name.`);
    }
    this.ctx.approvals.assertNotBlocked({ origin });
    if (this.connecting) throw new WalletError(ErrorCode.rateLimited, 'Another local app is waiting for approval.', { retryAfterMs: 5_000 });
    this.connecting = true;
    try {
      const grant = await connect(this.ctx, { origin }, {
        scopes: [...(message.scopes ?? DEFAULT_APP_SCOPES)],
        ...(message.budget ? { budget: message.budget } : {}),
        reason: `A program on this computer (a local app, not a website) asks to use your wallet through byok-bridge, as "${message.name}".`,
      });
      await this.tokens.set(origin, message.tokenHash, this.ctx.now());
      return grant;
    } finally {
      this.connecting = false;
    }
  }

  private async call(message: FromHostOf<'call'>): Promise<void> {
    const { id } = message;
    const controller = new AbortController();
    const batcher = message.stream ? new DeltaBatcher((text) => this.send({ t: 'delta', id, text })) : null;
    this.inflight.set(id, controller);
    await this.answer(
      id,
      async () => {
        const origin = await this.tokens.originOf(message.tokenHash);
        if (!origin) throw tokenRefused();
        if (!(await this.ctx.grants.get(origin))) {
          await this.tokens.forget(origin);
          throw tokenRefused();
        }
        const params = parseOrThrow(pageMethodParams[message.method], withBytes(message.params), 'params');
        const handler = pageHandlers[message.method] as (call: PageCall<unknown>) => Promise<unknown>;
        const value = await handler({ ctx: this.ctx, caller: { origin }, params, signal: controller.signal, onDelta: (text) => batcher?.push(text) });
        // Native messaging is JSON: a media answer's bytes go as tagged base64.
        return bytesToTagged(value, browserBase64);
      },
      () => {
        // The last streamed text goes before the answer, so the app's stream is whole.
        const rest = batcher?.rest().delta;
        if (rest) this.send({ t: 'delta', id, text: rest });
        this.inflight.delete(id);
      },
    );
  }
}
