/**
 * Chromium's anti-DDoS throttling of extension requests, seen from the worker.
 *
 * After a few server errors in a row from one URL (scheme, host, port and path; not the query),
 * Chromium refuses the extension's next requests to it for a back-off period, growing while the
 * errors go on (https://www.chromium.org/throttling/; extensions/renderer/extension_throttle_entry.cc,
 * still there in Chromium 156: three 503 answers, and the fourth fetch of an extension service
 * worker fails at once). The page behind the refusal is `net::ERR_TEMPORARILY_THROTTLED`, but
 * `fetch` only rejects with a `TypeError`, as for any network failure. So the worker keeps count
 * of the answers that Chromium counts, and a `TypeError` while Chromium must still be backing off
 * becomes {@link ExtensionThrottled}, which names the wait. Localhost is never throttled.
 */
/** Chromium's back-off policy for extension requests (extension_throttle_entry.cc). */
const COUNTED_STATUSES: ReadonlySet<number> = new Set([500, 503, 509]);
const ERRORS_IGNORED = 2;
const INITIAL_DELAY_MS = 700;
const MULTIPLY_FACTOR = 1.4;
const MAX_DELAY_MS = 15 * 60_000;
/** Entries are forgotten after this long without a request. */
const ENTRY_LIFETIME_MS = 2 * 60_000;

/** A request Chromium refused without sending it; `retryAfterMs` is the longest it may still wait. */
export class ExtensionThrottled extends Error {
  override readonly name = 'ExtensionThrottled';
  constructor(readonly retryAfterMs: number) {
    // No "timed out" in here: the SDKs would take the error for a timeout.
    super('Chromium held back the request after repeated server errors');
  }
}

interface Entry {
  /** Chromium's failure count: up by one for each counted error, down by one for any other answer. */
  failures: number;
  /** Until when Chromium may refuse requests (the upper bound of its back-off). */
  releaseAt: number;
  /** The last answer, for forgetting idle entries. */
  touchedAt: number;
}

/** Chromium never throttles localhost (net::IsLocalhost). */
function isLocalhost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The URL as Chromium keys its back-off: without query, fragment and credentials, lower case. */
function urlId(input: RequestInfo | URL): string | undefined {
  try {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (isLocalhost(url.hostname)) return undefined;
    return `${url.protocol}//${url.host}${url.pathname}`.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The upper bound of Chromium's back-off after `failures` errors in a row (its jitter only shortens it). */
export function backoffMs(failures: number): number {
  const effective = failures - ERRORS_IGNORED;
  if (effective <= 0) return 0;
  return Math.min(MAX_DELAY_MS, INITIAL_DELAY_MS * MULTIPLY_FACTOR ** (effective - 1));
}

export class ThrottleWatch {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number = () => Date.now(),
    /** False in browsers without this throttling (Firefox): nothing is ever reported there. */
    private readonly enabled = true,
  ) {}

  /** Notes an answer from `input`'s URL, as Chromium's back-off entry does. */
  answered(input: RequestInfo | URL, status: number): void {
    const id = urlId(input);
    if (!id) return;
    const now = this.now();
    const known = this.#entries.get(id);
    const entry = known && now - known.touchedAt < ENTRY_LIFETIME_MS ? known : { failures: 0, releaseAt: now, touchedAt: now };
    entry.touchedAt = now;
    if (COUNTED_STATUSES.has(status)) {
      entry.failures += 1;
      entry.releaseAt = Math.max(entry.releaseAt, now + backoffMs(entry.failures));
    } else {
      // Chromium lets a success lower the count by one only, and never shortens a back-off.
      entry.failures = Math.max(0, entry.failures - 1);
    }
    if (entry.failures === 0 && entry.releaseAt <= now) this.#entries.delete(id);
    else this.#entries.set(id, entry);
  }

  /** How long Chromium may still refuse requests to `input`'s URL, or undefined when it does not. */
  heldBackFor(input: RequestInfo | URL): number | undefined {
    const id = urlId(input);
    const entry = id ? this.#entries.get(id) : undefined;
    if (!this.enabled || !entry) return undefined;
    const left = entry.releaseAt - this.now();
    return left > 0 ? left : undefined;
  }

  /** `base`, watched: answers are counted, and a refusal during a back-off rejects with {@link ExtensionThrottled}. */
  wrap(base: typeof globalThis.fetch): typeof globalThis.fetch {
    return async (input, init) => {
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        const wait = error instanceof TypeError ? this.heldBackFor(input) : undefined;
        throw wait === undefined ? error : new ExtensionThrottled(wait);
      }
      this.answered(input, response.status);
      return response;
    };
  }
}

/** The worker's one watch: Chromium keeps one back-off table per extension process. */
export const throttleWatch = new ThrottleWatch(() => Date.now(), !import.meta.env.FIREFOX);

/** The fetch an SDK gets: `base` (the global `fetch`, looked up per call, when none), watched by `watch`. */
export function watchedFetch(base: typeof globalThis.fetch | undefined, watch: ThrottleWatch = throttleWatch): typeof globalThis.fetch {
  return watch.wrap(base ?? ((input, init) => globalThis.fetch(input, init)));
}
