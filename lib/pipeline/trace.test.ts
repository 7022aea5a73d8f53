import { describe, expect, it } from 'vitest';
import { Metrics } from '../background/metrics';
import { metricsTracer, noTracer } from './trace';

describe('tracing the pipeline', () => {
  it('records each completed stage and each moment, since the start and since the moment before', async () => {
    let clock = 0;
    const metrics = new Metrics();
    const trace = metricsTracer(metrics, () => clock).begin();
    clock = 2;
    await trace.stage('route', async () => {
      clock = 5;
    });
    await expect(trace.stage('admit', () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    trace.mark('send');
    clock = 9;
    trace.mark('firstDelta');
    expect(metrics.values('route')).toEqual([3]);
    expect(metrics.values('admit')).toEqual([]);
    expect(metrics.values('toSend')).toEqual([5]);
    expect(metrics.values('toFirstDelta')).toEqual([9]);
    expect(metrics.values('sendToFirstDelta')).toEqual([4]);
  });

  it('traces nothing by default: a stage is its own promise', async () => {
    const run = Promise.resolve(1);
    expect(noTracer.begin().stage('call', () => run)).toBe(run);
  });
});
