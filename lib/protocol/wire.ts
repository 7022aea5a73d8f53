/**
 * The wire between the page (main-world script), the content script and the background
 * (docs/PROTOCOL.md). The page and content script exchange these inside a window message
 * envelope; the content script forwards them unchanged over a runtime port.
 *
 * This file has no runtime imports: the main-world script and the content script include it.
 */
import type { WireError } from './errors';

export const PROTOCOL_VERSION = 1;
/** The envelope key on window messages; its value says which way the message goes. */
export const ENVELOPE = 'byok/v1';
export const PORT_NAME = 'byok-page/v1';

export type PageEvent = 'lock' | 'unlock' | 'grantChanged';

/** Page → wallet. */
export type ToWallet =
  | { t: 'req'; id: number; method: string; params?: unknown; stream?: boolean }
  | { t: 'cancel'; id: number }
  | { t: 'sub' };

/** Wallet → page. */
export type ToPage =
  | { t: 'res'; id: number; ok: true; value: unknown; delta?: string; textStreamed?: true }
  | { t: 'res'; id: number; ok: false; error: WireError; delta?: string }
  | { t: 'delta'; id: number; text: string }
  | { t: 'event'; name: PageEvent; data: unknown };

export type WindowEnvelope = { [ENVELOPE]: 'to-wallet'; m: ToWallet } | { [ENVELOPE]: 'to-page'; m: ToPage };
