/** A sliding one-minute window of request times per origin. */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a request and returns true if it fits `perMinute`; a refused request is not recorded. */
  take(origin: string, perMinute: number): boolean {
    const now = this.now();
    const recent = (this.hits.get(origin) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= perMinute) {
      this.hits.set(origin, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(origin, recent);
    return true;
  }
}
