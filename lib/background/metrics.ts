/**
 * Timings of the request pipeline, kept in small ring buffers for diagnostics and the bench
 * (`globalThis.byokMetrics` in the worker). Never holds request content.
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
