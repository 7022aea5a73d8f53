/** The background's validation of everything that arrives on a page port. */
import { z } from 'zod';
import { LANE_TOKEN } from '../lane/rendezvous';

export const ToWalletSchema = z.discriminatedUnion('t', [
  z.strictObject({
    t: z.literal('req'),
    id: z.int().min(0).max(2 ** 31),
    method: z.string().min(1).max(64),
    params: z.unknown().optional(),
    stream: z.boolean().optional(),
  }),
  z.strictObject({ t: z.literal('cancel'), id: z.int().min(0).max(2 ** 31) }),
  z.strictObject({ t: z.literal('sub') }),
  z.strictObject({ t: z.literal('lane'), token: z.string().regex(LANE_TOKEN) }),
]);

/** What the bridge frame hands the worker with a lane's port. */
export const LaneHandOverSchema = z.strictObject({ lane: z.string().regex(LANE_TOKEN), origin: z.string().max(2048) });
