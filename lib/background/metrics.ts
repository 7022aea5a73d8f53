/**
 * Timings (the request pipeline's, through lib/pipeline/trace.ts, and the lane's), kept in small
 * ring buffers for the bench; `globalThis.byokMetrics` in the worker of a diagnostics build
 * (lib/background/wallet.ts). Never holds request content.
 */
const SIZE = 512;

export class Metrics {
  private readonly series = new Map<string, number[]>();

  record(name: string, ms: number): void {
    let values = this.series.get(name);
    if (!values) this.series.set(name, (values = []));
    values.push(ms);
    if (values.length > SIZE) values.shift();
  }

  /** The recorded values of `name`, oldest first. */
  values(name: string): number[] {
    return [...(this.series.get(name) ?? [])];
  }

  clear(): void {
    this.series.clear();
  }
}
