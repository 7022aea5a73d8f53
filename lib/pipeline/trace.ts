/**
 * Timing of a request's stages, kept out of the stages themselves: the pipeline runs each stage
 * through its request's trace. The wallet traces nothing (`noTracer`); a build for the bench
 * (`import.meta.env.BYOK_DIAGNOSTICS`, lib/background/wallet.ts) records into the metrics.
 */
import type { Metrics } from '../background/metrics';

/** The pipeline's stages, each timed from its start to the settling of what it returns. */
export type Stage = 'route' | 'admit' | 'pendingWrite' | 'call' | 'settle';

/**
 * Moments of a request: `send` when the send gate opens (the pending entry is written; the
 * provider's SDK built its request meanwhile), `firstDelta` when the first text streams back.
 */
export type Moment = 'send' | 'firstDelta';

export interface RequestTrace {
  stage<T>(name: Stage, run: () => Promise<T>): Promise<T>;
  mark(moment: Moment): void;
}

export interface Tracer {
  /** The trace of one request, starting now. */
  begin(): RequestTrace;
}

const untraced: RequestTrace = {
  stage: (_name, run) => run(),
  mark: () => undefined,
};

export const noTracer: Tracer = { begin: () => untraced };

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/**
 * Records each completed stage's time under its name, and each moment as `to<Moment>` (since the request's
 * start) and `<previous>To<Moment>` (since the moment before it), e.g. `toSend`, `sendToFirstDelta`.
 */
export function metricsTracer(metrics: Pick<Metrics, 'record'>, clock: () => number = () => performance.now()): Tracer {
  return {
    begin() {
      const start = clock();
      let previous: { moment: Moment; at: number } | null = null;
      return {
        stage(name, run) {
          const from = clock();
          // Only stages that completed: a refusal's time says nothing about the pipeline's.
          return run().then((value) => {
            metrics.record(name, clock() - from);
            return value;
          });
        },
        mark(moment) {
          const at = clock();
          metrics.record(`to${capital(moment)}`, at - start);
          if (previous) metrics.record(`${previous.moment}To${capital(moment)}`, at - previous.at);
          previous = { moment, at };
        },
      };
    },
  };
}
