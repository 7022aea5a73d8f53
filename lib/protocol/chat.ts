/**
 * The chat intent (docs/API.md, "The page API"): what a page may ask, validated before anything else happens.
 * Strict objects: an unknown field is refused, never dropped silently.
 */
import { z } from 'zod';

const MAX_TEXT = 4_000_000;

const imageUrl = z
  .string()
  .max(20_000_000)
  .refine((url) => url.startsWith('https://') || /^data:image\/[a-z0-9.+-]+;base64,/i.test(url), {
    message: 'must be an https: or data:image/...;base64 URL',
  });

export const TextPart = z.strictObject({ type: z.literal('text'), text: z.string().max(MAX_TEXT) });
export const ImagePart = z.strictObject({ type: z.literal('image'), url: imageUrl });
export const Part = z.discriminatedUnion('type', [TextPart, ImagePart]);
export type Part = z.infer<typeof Part>;

const Content = z.union([z.string().max(MAX_TEXT), z.array(Part).max(256)]);

export const ToolCall = z.strictObject({
  id: z.string().min(1).max(256),
  name: z.string().min(1).max(128),
  arguments: z.record(z.string(), z.unknown()),
});
export type ToolCall = z.infer<typeof ToolCall>;

export const Message = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('system'), content: Content }),
  z.strictObject({ role: z.literal('user'), content: Content }),
  z.strictObject({
    role: z.literal('assistant'),
    content: Content.nullable().default(''),
    toolCalls: z.array(ToolCall).max(128).optional(),
  }),
  z.strictObject({ role: z.literal('tool'), toolCallId: z.string().min(1).max(256), content: Content }),
]);
export type Message = z.infer<typeof Message>;

export const Tool = z.strictObject({
  name: z
    .string()
    .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or -'),
  description: z.string().max(10_000).optional(),
  parameters: z.record(z.string(), z.unknown()),
});
export type Tool = z.infer<typeof Tool>;

export const ToolChoice = z.union([
  z.enum(['auto', 'none', 'required']),
  z.strictObject({ name: z.string().min(1).max(64) }),
]);
export type ToolChoice = z.infer<typeof ToolChoice>;

export const ResponseFormat = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('json') }),
  z.strictObject({
    type: z.literal('json_schema'),
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/).optional(),
    schema: z.record(z.string(), z.unknown()),
  }),
]);
export type ResponseFormat = z.infer<typeof ResponseFormat>;

export const ChatRequest = z.strictObject({
  messages: z.array(Message).min(1).max(2_000),
  model: z.string().min(1).max(256).optional(),
  maxTokens: z.int().min(1).max(1_000_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  seed: z.int().min(-(2 ** 53) + 1).max(2 ** 53 - 1).optional(),
  stop: z.array(z.string().min(1).max(256)).max(4).optional(),
  tools: z.array(Tool).max(128).optional(),
  toolChoice: ToolChoice.optional(),
  responseFormat: ResponseFormat.optional(),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

export const Usage = z.strictObject({ inputTokens: z.int().min(0), outputTokens: z.int().min(0) });
export type Usage = z.infer<typeof Usage>;

export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'aborted' | 'error';

/** What `chat` resolves with on the page. */
export interface ChatResult {
  text: string;
  model: string;
  provider: string;
  usage: Usage;
  costUsd: number;
  finishReason: FinishReason;
  toolCalls?: ToolCall[];
}

export const EmbedRequest = z.strictObject({
  input: z.union([z.string().min(1).max(MAX_TEXT), z.array(z.string().min(1).max(MAX_TEXT)).min(1).max(2048)]),
  model: z.string().min(1).max(256).optional(),
});
export type EmbedRequest = z.infer<typeof EmbedRequest>;

export interface EmbedResult {
  vectors: number[][];
  model: string;
  usage: { inputTokens: number };
  costUsd: number;
}
