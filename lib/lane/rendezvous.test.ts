/**
 * A lane adds no authority: it is attached only to the runtime port that named its token, only
 * when the bridge reports the same origin, once; whatever else arrives is closed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LaneRendezvous, MAX_WAITING, type LaneEntry } from './rendezvous';

const ORIGIN = 'https://app.example';
const token = (n: number) => n.toString(16).padStart(32, '0');

function setUp(waitMs = 1_000) {
  const attached: { entry: LaneEntry; port: MessagePort; waited: number }[] = [];
  let now = 0;
  const lanes = new LaneRendezvous<LaneEntry>((entry, port, waited) => attached.push({ entry, port, waited }), () => now, waitMs);
  return { lanes, attached, advance: (ms: number) => void (now += ms) };
}

/** A lane's port, and whether it was closed (its other end hears nothing more). */
function lanePort() {
  const { port1, port2 } = new MessageChannel();
  const closed = vi.spyOn(port1, 'close');
  port2.close();
  return { port: port1, closed: () => closed.mock.calls.length > 0 };
}

afterEach(() => vi.useRealTimers());

describe('lane rendezvous', () => {
  it.each([
    ['the port names the token first', true],
    ['the bridge hands the lane over first', false],
  ])('joins a lane to the port that named its token when %s', (_when, nameFirst) => {
    const { lanes, attached, advance } = setUp();
    const entry: LaneEntry = { origin: ORIGIN };
    const { port } = lanePort();
    if (nameFirst) lanes.name(token(1), entry);
    else lanes.arrive(token(1), ORIGIN, port);
    advance(70);
    if (nameFirst) lanes.arrive(token(1), ORIGIN, port);
    else lanes.name(token(1), entry);
    expect(attached).toEqual([{ entry, port, waited: 70 }]);
    expect(entry.lane).toBe(port);
  });

  it('refuses a lane from a frame of another origin than the port that named the token', () => {
    const { lanes, attached } = setUp();
    const entry: LaneEntry = { origin: ORIGIN };
    const lane = lanePort();
    lanes.name(token(1), entry);
    lanes.arrive(token(1), 'https://evil.example', lane.port);
    expect(attached).toEqual([]);
    expect(entry.lane).toBeUndefined();
    expect(lane.closed()).toBe(true);
    // The token is spent: the right origin cannot use it afterwards either.
    const again = lanePort();
    lanes.arrive(token(1), ORIGIN, again.port);
    lanes.name(token(1), entry);
    expect(attached).toEqual([]);
  });

  it('takes one token per port: a second token, or the same token from another port, is ignored', () => {
    const { lanes, attached } = setUp();
    const entry: LaneEntry = { origin: ORIGIN };
    const other: LaneEntry = { origin: ORIGIN };
    lanes.name(token(1), entry);
    lanes.name(token(2), entry);
    lanes.name(token(1), other);
    const second = lanePort();
    lanes.arrive(token(2), ORIGIN, second.port);
    lanes.arrive(token(1), ORIGIN, lanePort().port);
    expect(attached.map((a) => a.entry)).toEqual([entry]);
    // A port with a lane takes no other.
    const third = lanePort();
    lanes.name(token(3), entry);
    lanes.arrive(token(3), ORIGIN, third.port);
    expect(attached).toHaveLength(1);
  });

  it('closes a lane no port names within the wait, and keeps at most MAX_WAITING waiting', () => {
    vi.useFakeTimers();
    const { lanes, attached } = setUp(1_000);
    const waiting = Array.from({ length: MAX_WAITING }, (_, i) => {
      const lane = lanePort();
      lanes.arrive(token(100 + i), ORIGIN, lane.port);
      return lane;
    });
    const beyond = lanePort();
    lanes.arrive(token(999), ORIGIN, beyond.port);
    expect(beyond.closed()).toBe(true);
    expect(waiting.some((lane) => lane.closed())).toBe(false);
    vi.advanceTimersByTime(1_000);
    expect(waiting.every((lane) => lane.closed())).toBe(true);
    lanes.name(token(100), { origin: ORIGIN });
    expect(attached).toEqual([]);
  });

  it.each(['', 'not-hex-not-hex-not-hex-not-hex!', 'ABCDEF'.padStart(32, '0'), `${token(1)}0`])('refuses the malformed token %j', (bad) => {
    const { lanes, attached } = setUp();
    const lane = lanePort();
    lanes.name(bad, { origin: ORIGIN });
    lanes.arrive(bad, ORIGIN, lane.port);
    expect(lane.closed()).toBe(true);
    expect(attached).toEqual([]);
  });

  it('forgets a port that went away: its token no longer joins, its lane is closed', () => {
    const { lanes, attached } = setUp();
    const gone: LaneEntry = { origin: ORIGIN };
    lanes.name(token(1), gone);
    lanes.forget(gone);
    const late = lanePort();
    lanes.arrive(token(1), ORIGIN, late.port);
    expect(attached).toEqual([]);

    const joined: LaneEntry = { origin: ORIGIN };
    const lane = lanePort();
    lanes.name(token(2), joined);
    lanes.arrive(token(2), ORIGIN, lane.port);
    lanes.forget(joined);
    expect(lane.closed()).toBe(true);
    expect(joined.lane).toBeUndefined();
  });
});
