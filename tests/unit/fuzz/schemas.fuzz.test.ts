/**
 * Fuzzing every message schema (docs/THREAT_MODEL.md): at least 10k hostile inputs per boundary.
 * Each input is either accepted (and what comes out is valid again) or refused with -32602 naming
 * a field; nothing else is thrown, and nothing leaks onto Object.prototype.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { z } from 'zod';
import { LaneHandOverSchema, ToWalletSchema } from '../../../lib/protocol/wire-schema';
import { pageMethodParams } from '../../../lib/protocol/page-methods';
import { ChatRequest, EmbedRequest } from '../../../lib/protocol/chat';
import { UiRequest, uiCommands } from '../../../lib/protocol/ui';
import { parseOrThrow } from '../../../lib/protocol/validate';
import { RUNS, hostile, onlyInvalidParams, prototypeSnapshot } from './hostile';
import { CHAT_SAMPLES, EMBED_SAMPLES, LANE_HAND_OVER_SAMPLES, PARAM_SAMPLES, UI_PARAM_SAMPLES, WIRE_SAMPLES } from './samples';

/**
 * Fuzzes `schema` with inputs made from `samples` (valid seeds, checked unless `seedsValid` is
 * false) and from nothing at all.
 */
function fuzzSchema(schema: z.ZodType, samples: readonly unknown[], root: string, runs = RUNS, seedsValid = true): { accepted: number; refused: number } {
  const before = prototypeSnapshot();
  const counts = { accepted: 0, refused: 0 };
  fc.assert(
    fc.property(hostile(samples), (input) => {
      const outcome = onlyInvalidParams(() => parseOrThrow(schema, input, root));
      if (outcome.ok) {
        counts.accepted++;
        expect(schema.safeParse(outcome.value).success).toBe(true);
      } else {
        counts.refused++;
        expect(outcome.error.message.startsWith(`Invalid request: ${root}`)).toBe(true);
      }
    }),
    { numRuns: runs },
  );
  expect(prototypeSnapshot()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  // The valid seeds are accepted: the near-valid inputs really start from valid messages.
  if (seedsValid) for (const sample of samples) expect(() => parseOrThrow(schema, sample, root), JSON.stringify(sample)).not.toThrow();
  return counts;
}

describe('fuzz: the page ↔ wallet wire', () => {
  it('ToWalletSchema: 10k hostile messages', () => {
    const { refused } = fuzzSchema(ToWalletSchema, WIRE_SAMPLES, 'message');
    expect(refused).toBeGreaterThan(RUNS / 2);
  });
  it("LaneHandOverSchema: 10k hostile hand-overs from the lane's bridge", () => {
    const { refused } = fuzzSchema(LaneHandOverSchema, LANE_HAND_OVER_SAMPLES, 'handOver');
    expect(refused).toBeGreaterThan(RUNS / 2);
  });
});

describe("fuzz: each page method's params", () => {
  for (const [method, schema] of Object.entries(pageMethodParams)) {
    it(`${method}: 10k hostile params`, () => {
      const samples = PARAM_SAMPLES[method];
      expect(samples, `add valid samples for ${method} to tests/unit/fuzz/samples.ts`).toBeDefined();
      fuzzSchema(schema, samples!, 'params');
    });
  }
});

describe('fuzz: the chat intent and the embed request', () => {
  it('ChatRequest: 10k hostile near-valid intents', () => {
    const { accepted, refused } = fuzzSchema(ChatRequest, CHAT_SAMPLES, 'params');
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
  it('EmbedRequest: 10k hostile requests', () => {
    fuzzSchema(EmbedRequest, EMBED_SAMPLES, 'params');
  });
});

describe('fuzz: the UI protocol', () => {
  it('UiRequest: 10k hostile envelopes', () => {
    const commands = Object.keys(uiCommands);
    fuzzSchema(
      UiRequest,
      commands.map((command) => ({ byokUi: 1, command, params: UI_PARAM_SAMPLES[command]?.[0] })),
      'message',
    );
  });
  const commands = Object.entries(uiCommands) as [string, z.ZodType][];
  // 10k over the params of the whole UI boundary, spread over its commands.
  const runs = Math.ceil(RUNS / commands.length);
  for (const [command, schema] of commands) {
    it(`${command}: hostile params`, () => {
      const known = UI_PARAM_SAMPLES[command] ?? (schema.safeParse(undefined).success ? [undefined] : null);
      // A command without samples here yet is still fuzzed, from nothing and from an empty object.
      fuzzSchema(schema, known ?? [undefined, {}], 'params', runs, known !== null);
    });
  }
});
