/**
 * Anthropic Messages wire traffic, written from the API reference
 * (https://platform.claude.com/docs/en/build-with-claude/streaming, /api/errors): named SSE
 * events (`event: message_start` ... `event: message_stop`, `ping` in between), cumulative usage
 * in `message_delta`, `event: error` inside a 200 stream, and `{ type: 'error', error }` bodies.
 */

export const event = (name: string, payload: unknown): string => `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;

export function messageStart(inputTokens: number, model = 'claude-sonnet-5-5'): string {
  return event('message_start', {
    type: 'message_start',
    message: {
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      type: 'message',
      role: 'assistant',
      content: [],
      model,
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1, service_tier: 'standard' },
    },
  });
}

export const ping = event('ping', { type: 'ping' });
export const blockStart = (index: number, block: unknown) => event('content_block_start', { type: 'content_block_start', index, content_block: block });
export const blockDelta = (index: number, delta: unknown) => event('content_block_delta', { type: 'content_block_delta', index, delta });
export const blockStop = (index: number) => event('content_block_stop', { type: 'content_block_stop', index });
export const messageDelta = (stopReason: string, outputTokens: number) =>
  event('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: outputTokens } });
export const messageStop = event('message_stop', { type: 'message_stop' });

export const TEXT_PIECES = ['Hello', ', ', 'world', '!'];

/** "Hello, world!": 25 input tokens, 15 output tokens in total. */
export function textStream(): string[] {
  return [
    messageStart(25),
    blockStart(0, { type: 'text', text: '' }),
    ping,
    ...TEXT_PIECES.map((t) => blockDelta(0, { type: 'text_delta', text: t })),
    blockStop(0),
    messageDelta('end_turn', 15),
    messageStop,
  ];
}

/** Thinking, a sentence, then a tool call whose input arrives in pieces. */
export function toolUseStream(): string[] {
  return [
    messageStart(472),
    blockStart(0, { type: 'thinking', thinking: '', signature: '' }),
    blockDelta(0, { type: 'thinking_delta', thinking: 'The user wants the weather.' }),
    blockDelta(0, { type: 'signature_delta', signature: 'EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds' }),
    blockStop(0),
    blockStart(1, { type: 'text', text: '' }),
    blockDelta(1, { type: 'text_delta', text: 'Let me check.' }),
    blockStop(1),
    blockStart(2, { type: 'tool_use', id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', name: 'get_weather', input: {} }),
    blockDelta(2, { type: 'input_json_delta', partial_json: '' }),
    blockDelta(2, { type: 'input_json_delta', partial_json: '{"location":' }),
    blockDelta(2, { type: 'input_json_delta', partial_json: ' "San Francisco, CA"' }),
    blockDelta(2, { type: 'input_json_delta', partial_json: ', "unit": "fahrenheit"}' }),
    blockStop(2),
    messageDelta('tool_use', 89),
    messageStop,
  ];
}

/** The answer of JSON object mode: the forced tool's input, in pieces. */
export function jsonToolStream(): string[] {
  return [
    messageStart(40),
    blockStart(0, { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'json_response', input: {} }),
    blockDelta(0, { type: 'input_json_delta', partial_json: '{"name": "Ada",' }),
    blockDelta(0, { type: 'input_json_delta', partial_json: ' "born": 1815}' }),
    blockStop(0),
    messageDelta('tool_use', 22),
    messageStop,
  ];
}

/** Overloaded in the middle of a 200 stream. */
export function errorMidStream(): string[] {
  return [
    messageStart(25),
    blockStart(0, { type: 'text', text: '' }),
    blockDelta(0, { type: 'text_delta', text: 'Hel' }),
    event('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
  ];
}

export const error = (type: string, message: string) => ({ type: 'error', error: { type, message }, request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy' });

export const error401 = error('authentication_error', 'invalid x-api-key');
export const error429 = error(
  'rate_limit_error',
  'Number of request tokens has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage.',
);
export const error529 = error('overloaded_error', 'Overloaded');
export const error500 = error('api_error', 'Internal server error');

/** A gateway in front of Anthropic that echoes the key it was given. */
export const error401Echo = (key: string) => error('authentication_error', `invalid x-api-key: ${key}`);

export const modelsList = {
  data: [
    { type: 'model', id: 'claude-sonnet-5-5', display_name: 'Claude Sonnet 5.5', created_at: '2026-06-20T00:00:00Z' },
    { type: 'model', id: 'claude-haiku-4-5-20251001', display_name: 'Claude Haiku 4.5', created_at: '2025-10-01T00:00:00Z' },
  ],
  has_more: false,
  first_id: 'claude-sonnet-5-5',
  last_id: 'claude-haiku-4-5-20251001',
};
