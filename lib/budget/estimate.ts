/**
 * Upper bounds for a request's tokens, so admission can hold a reservation that the real cost
 * cannot exceed. A BPE token is at least one byte of text, so UTF-8 bytes bound text tokens;
 * images and the providers' tool prompts are bounded per model (./provider-bounds.ts).
 */
import type { ChatRequest, Message } from '../protocol/chat';
import { imageTokenBound, toolPromptBound } from './provider-bounds';

const PER_MESSAGE_OVERHEAD = 8;
const PER_REQUEST_OVERHEAD = 16;

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

function contentBytes(content: Message['content'] | null): { bytes: number; images: number } {
  if (content == null) return { bytes: 0, images: 0 };
  if (typeof content === 'string') return { bytes: bytes(content), images: 0 };
  let total = 0;
  let images = 0;
  for (const part of content) {
    if (part.type === 'text') total += bytes(part.text);
    else images += 1;
  }
  return { bytes: total, images };
}

/**
 * An upper bound on the input tokens of `req` sent to `model` (a model of no known family, or
 * none yet, gets the largest bound of any family).
 */
export function inputTokenBound(req: Pick<ChatRequest, 'messages' | 'tools' | 'responseFormat' | 'stop'>, model: string | undefined): number {
  const perImage = imageTokenBound(model);
  let total = PER_REQUEST_OVERHEAD;
  for (const message of req.messages) {
    const c = contentBytes(message.content);
    total += PER_MESSAGE_OVERHEAD + c.bytes + c.images * perImage;
    if (message.role === 'assistant' && message.toolCalls) total += bytes(JSON.stringify(message.toolCalls));
    if (message.role === 'tool') total += bytes(message.toolCallId);
  }
  if (req.tools) total += bytes(JSON.stringify(req.tools)) + 64 * req.tools.length + toolPromptBound(model);
  if (req.responseFormat) total += bytes(JSON.stringify(req.responseFormat)) + 64;
  return total;
}

/** The wallet's own estimate of the tokens in `text` (about four characters a token). */
export function estimateTokens(text: string): number {
  return tokensForChars(text.length);
}

export function tokensForChars(chars: number): number {
  return Math.ceil(chars / 4);
}

/** A typical estimate of the input tokens, charged when a provider never reported usage. */
export function inputTokenEstimate(req: Pick<ChatRequest, 'messages'>): number {
  let chars = 0;
  for (const m of req.messages) {
    if (typeof m.content === 'string') chars += m.content.length;
    else if (m.content) for (const p of m.content) chars += p.type === 'text' ? p.text.length : 4 * 85;
  }
  return Math.ceil(chars / 4) + 4 * req.messages.length;
}
