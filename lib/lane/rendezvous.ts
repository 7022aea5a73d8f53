/**
 * The worker's half of a page's lane (docs/PROTOCOL.md §5.1): a `MessagePort` straight from the
 * content script to the worker, which skips the browser process that a runtime port's every
 * message crosses.
 *
 * A lane adds no authority. The content script names a random token on its runtime port (whose
 * origin the browser reports) and hands the same token, with the lane's port, to the extension's
 * bridge frame, which passes both on with the origin the browser gives it. The lane is attached to
 * the runtime port's entry only when the two meet with the same origin; after that it speaks as
 * that entry and dies with it. Whichever half arrives first waits for the other; a lane nobody
 * names is closed after {@link LANE_WAIT_MS}, and at most {@link MAX_WAITING} wait at once.
 */
export const LANE_WAIT_MS = 10_000;
export const MAX_WAITING = 32;
/** The token: 128 random bits, hex. */
export const LANE_TOKEN = /^[0-9a-f]{32}$/;

export interface LaneEntry {
  readonly origin: string;
  lane?: MessagePort;
}

interface Waiting {
  origin: string;
  port: MessagePort;
  since: number;
  timer: ReturnType<typeof setTimeout>;
}

export class LaneRendezvous<Entry extends LaneEntry> {
  /** Tokens named by a runtime port whose lane has not come, and since when. */
  private readonly named = new Map<string, { entry: Entry; since: number }>();
  /** Lanes the bridge handed over whose token no port has named yet. */
  private readonly waiting = new Map<string, Waiting>();
  /** Every port that named a token: one each, ever, whether or not its lane came. */
  private readonly namers = new WeakSet<Entry>();

  /**
   * @param attach called with a joined lane, and how long its first half waited for the second (ms)
   */
  constructor(
    private readonly attach: (entry: Entry, port: MessagePort, waited: number) => void,
    private readonly now: () => number,
    private readonly waitMs = LANE_WAIT_MS,
  ) {}

  /** The runtime port `entry` named `token`. One token per port, used once. */
  name(token: string, entry: Entry): void {
    if (!LANE_TOKEN.test(token) || this.namers.has(entry) || this.named.has(token)) return;
    this.namers.add(entry);
    const lane = this.waiting.get(token);
    if (!lane) {
      this.named.set(token, { entry, since: this.now() });
      return;
    }
    this.waiting.delete(token);
    clearTimeout(lane.timer);
    this.join(entry, lane.origin, lane.port, lane.since);
  }

  /** The bridge handed over `port` for `token`, from a frame of `origin`. */
  arrive(token: string, origin: string, port: MessagePort): void {
    const named = this.named.get(token);
    if (named) {
      this.named.delete(token);
      this.join(named.entry, origin, port, named.since);
      return;
    }
    if (!LANE_TOKEN.test(token) || this.waiting.has(token) || this.waiting.size >= MAX_WAITING) {
      port.close();
      return;
    }
    const timer = setTimeout(() => {
      this.waiting.delete(token);
      port.close();
    }, this.waitMs);
    this.waiting.set(token, { origin, port, since: this.now(), timer });
  }

  /** The origins of the handed-over lanes that wait for their token to be named, in order of arrival: diagnostics. */
  get waitingOrigins(): string[] {
    return [...this.waiting.values()].map((w) => w.origin);
  }

  /** `entry`'s runtime port went away: a token it named goes too, and its lane is closed. */
  forget(entry: Entry): void {
    for (const [token, named] of this.named) if (named.entry === entry) this.named.delete(token);
    entry.lane?.close();
    delete entry.lane;
  }

  private join(entry: Entry, origin: string, port: MessagePort, since: number): void {
    // A lane whose frame is of another origin than the port that named its token is refused.
    if (origin !== entry.origin || entry.lane) {
      port.close();
      return;
    }
    entry.lane = port;
    this.attach(entry, port, this.now() - since);
  }
}
