/** The background's validation of everything that arrives on a page port. */
import { z } from 'zod';

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
]);
