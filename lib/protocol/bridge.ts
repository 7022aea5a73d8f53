/**
 * The native-messaging channel between the wallet and its local-apps host (bridge/, docs/PROTOCOL.md
 * "Local apps"): one map, one zod schema per message type. The wallet validates every message the
 * host sends with these; the host imports only the types (it ships without zod).
 *
 * What crosses: intents (the page API's params) and their answers, never a key. An app's token
 * never crosses either: the host sends its SHA-256, which is all the wallet keeps.
 */
import { z } from 'zod';
import { PeriodSchema } from './page-methods';
import { APP_NAME_PATTERN, APP_SCOPES, PART_CHARS } from './bridge-limits';

const id = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
/** A lowercase hex SHA-256 of an app token. */
const tokenHash = z.string().regex(/^[0-9a-f]{64}$/);

/** The page methods a local app may call through the bridge (connect has its own message). */
export const BridgeMethod = z.enum(['chat', 'embed', 'models', 'getGrant', 'speak', 'transcribe', 'generateImage']);
export type BridgeMethod = z.infer<typeof BridgeMethod>;

/** Host -> wallet, each message type's schema. */
export const fromHost = {
  /** The HTTP endpoint listens on 127.0.0.1:`port`. */
  ready: z.strictObject({ t: z.literal('ready'), port: z.int().min(1).max(65_535), version: z.string().max(32) }),
  /** `byok-bridge connect`: ask the person to connect app `name`; `tokenHash` becomes its credential. */
  connect: z.strictObject({
    t: z.literal('connect'),
    id,
    name: z.string().regex(APP_NAME_PATTERN),
    tokenHash,
    budget: z.strictObject({ usd: z.number().min(0).max(1_000_000), period: PeriodSchema }).optional(),
    /** What the app asks to do (`connect --scopes`); without it, the default app scopes. */
    scopes: z.array(z.enum(APP_SCOPES)).min(1).max(APP_SCOPES.length).optional(),
  }),
  /**
   * A provider request, translated to a page method's params (validated again by that method's
   * schema); a media call's bytes are tagged base64 (./bridge-bytes.ts).
   */
  call: z.strictObject({ t: z.literal('call'), id, tokenHash, method: BridgeMethod, params: z.unknown().optional(), stream: z.boolean().optional() }),
  /** The app closed its connection: stop the call. */
  cancel: z.strictObject({ t: z.literal('cancel'), id }),
  /** One piece of a message too big for one native message (1 MB host -> browser); `end` on the last. */
  part: z.strictObject({ t: z.literal('part'), seq: id, data: z.string().max(PART_CHARS), end: z.boolean() }),
} as const;

export const FromHostSchema = z.discriminatedUnion('t', [fromHost.ready, fromHost.connect, fromHost.call, fromHost.cancel, fromHost.part]);
export type FromHost = z.infer<typeof FromHostSchema>;
export type FromHostOf<T extends keyof typeof fromHost> = z.infer<(typeof fromHost)[T]>;

const WireErrorSchema = z.strictObject({
  code: z.number(),
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});

/** Wallet -> host, each message type's schema (the host trusts its browser; these document the shapes). */
export const toHost = {
  /** Listen on this port (0: any free one); sent once the port is connected. */
  listen: z.strictObject({ t: z.literal('listen'), port: z.int().min(0).max(65_535) }),
  /** Streamed text of call `id`. */
  delta: z.strictObject({ t: z.literal('delta'), id, text: z.string() }),
  /** The answer to `connect` or `call` `id`. */
  res: z.union([
    z.strictObject({ t: z.literal('res'), id, ok: z.literal(true), value: z.unknown() }),
    z.strictObject({ t: z.literal('res'), id, ok: z.literal(false), error: WireErrorSchema }),
  ]),
} as const;

export type ToHost = { [K in keyof typeof toHost]: z.infer<(typeof toHost)[K]> }[keyof typeof toHost];
export type BridgeWireError = z.infer<typeof WireErrorSchema>;
