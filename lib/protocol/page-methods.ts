/** The params of each page method (docs/API.md, "The page API"), validated in the background. */
import { z } from 'zod';
import { ChatRequest, EmbedRequest } from './chat';
import { GenerateImageRequest, SpeakRequest, TranscribeRequest } from './media';
import { SCOPES } from './scopes';

export const ScopeSchema = z.enum(SCOPES);
export const PeriodSchema = z.enum(['day', 'week', 'month', 'total']);
export const BudgetSchema = z.strictObject({
  usd: z.number().min(0).max(1_000_000),
  period: PeriodSchema,
});

export const ConnectRequest = z.strictObject({
  scopes: z.array(ScopeSchema).min(1).max(SCOPES.length).optional(),
  models: z.array(z.string().min(1).max(256)).min(1).max(200).optional(),
  budget: BudgetSchema.optional(),
  reason: z.string().max(500).optional(),
});
export type ConnectRequest = z.infer<typeof ConnectRequest>;

const NoParams = z.undefined();

export const pageMethodParams = {
  connect: ConnectRequest.optional(),
  getGrant: NoParams,
  disconnect: NoParams,
  models: NoParams,
  chat: ChatRequest,
  embed: EmbedRequest,
  speak: SpeakRequest,
  transcribe: TranscribeRequest,
  generateImage: GenerateImageRequest,
} as const;

export type PageMethod = keyof typeof pageMethodParams;

export function isPageMethod(method: string): method is PageMethod {
  return Object.prototype.hasOwnProperty.call(pageMethodParams, method);
}
