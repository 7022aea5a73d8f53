/**
 * OpenAI Chat Completions wire traffic, written from the API reference
 * (https://platform.openai.com/docs/api-reference/chat-streaming, /chat/object, /errors):
 * `data: <chat.completion.chunk JSON>` events ended by `data: [DONE]`, the usage chunk with
 * empty `choices` that `stream_options.include_usage` adds, and `{ error: {...} }` error bodies.
 */

const head = {
  id: 'chatcmpl-CZx1hW7gq2nK9rT4sYp0aLm3',
  object: 'chat.completion.chunk',
  created: 1763880000,
  model: 'gpt-4o-mini-2024-07-18',
  service_tier: 'default',
  system_fingerprint: 'fp_560af6e559',
};

interface Delta {
  role?: 'assistant';
  content?: string | null;
  refusal?: null;
  tool_calls?: unknown[];
}

/** One chunk with a delta for choice 0. */
export function chunk(delta: Delta, finish: string | null = null): Record<string, unknown> {
  return { ...head, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage: null, obfuscation: 'x7Q' };
}

/** The last chunk of an `include_usage` stream. */
export function usageChunk(prompt: number, completion: number): Record<string, unknown> {
  return {
    ...head,
    choices: [],
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    obfuscation: 'k2',
  };
}

export const data = (payload: unknown): string => `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`;
export const DONE = data('[DONE]');

/** "Hello, world!" in four deltas, 12 input and 4 output tokens. */
export const TEXT_PIECES = ['Hello', ', ', 'world', '!'];
export function textStream(): string[] {
  return [
    data(chunk({ role: 'assistant', content: '', refusal: null })),
    ...TEXT_PIECES.map((t) => data(chunk({ content: t }))),
    data(chunk({}, 'stop')),
    data(usageChunk(12, 4)),
    DONE,
  ];
}

/** Two parallel tool calls, their arguments split across chunks. */
export function toolCallStream(): string[] {
  return [
    data(chunk({ role: 'assistant', content: null, refusal: null, tool_calls: [{ index: 0, id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA', type: 'function', function: { name: 'get_weather', arguments: '' } }] })),
    data(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"lo' } }] })),
    data(chunk({ tool_calls: [{ index: 0, function: { arguments: 'cation": "Par' } }] })),
    data(chunk({ tool_calls: [{ index: 0, function: { arguments: 'is, FR"}' } }] })),
    data(chunk({ tool_calls: [{ index: 1, id: 'call_8qN3vJ0rZk1yS5tWb2Xc4Lp7', type: 'function', function: { name: 'get_time', arguments: '' } }] })),
    data(chunk({ tool_calls: [{ index: 1, function: { arguments: '{"tz":"Europe/Paris"}' } }] })),
    data(chunk({}, 'tool_calls')),
    data(usageChunk(83, 51)),
    DONE,
  ];
}

/** A tool call whose arguments are not JSON (as a confused model can produce). */
export function badToolCallStream(): string[] {
  return [
    data(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"location": Par' } }] })),
    data(chunk({}, 'tool_calls')),
    data(usageChunk(20, 9)),
    DONE,
  ];
}

/** A stream that fails midway with an error event, as OpenAI sends on a server fault. */
export function errorMidStream(): string[] {
  return [
    data(chunk({ role: 'assistant', content: 'Hel' })),
    data({ error: { message: 'The server had an error processing your request. Sorry about that!', type: 'server_error', param: null, code: null } }),
  ];
}

/** A stream that ends without a finish reason or [DONE] (connection cut). */
export function cutStream(): string[] {
  return [data(chunk({ role: 'assistant', content: 'Hel' })), data(chunk({ content: 'lo' }))];
}

export const error401 = {
  error: {
    message: 'Incorrect API key provided: sk-proj-****************************************************WXYZ. You can find your API key at https://platform.openai.com/account/api-keys.',
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_api_key',
  },
};

/** Some OpenAI-compatible proxies echo the whole key they received. */
export function error401Echo(key: string) {
  return { error: { message: `Authentication Error, Invalid proxy server token passed. Received API Key = ${key}, Authorization: Bearer ${key}`, type: 'auth_error', param: 'None', code: '401' } };
}

export const error429 = {
  error: {
    message: 'Rate limit reached for gpt-4o-mini in organization org-abc123 on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.',
    type: 'requests',
    param: null,
    code: 'rate_limit_exceeded',
  },
};

export const error500 = {
  error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
};

export const modelsList = {
  object: 'list',
  data: [
    { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
    { id: 'gpt-4.1', object: 'model', created: 1744316542, owned_by: 'system' },
    { id: 'text-embedding-3-small', object: 'model', created: 1705948997, owned_by: 'system' },
  ],
};

export const embeddings = {
  object: 'list',
  data: [
    { object: 'embedding', index: 1, embedding: [0.25, -0.5, 0.125] },
    { object: 'embedding', index: 0, embedding: [0.0023064255, -0.009327292, -0.0028842222] },
  ],
  model: 'text-embedding-3-small',
  usage: { prompt_tokens: 8, total_tokens: 8 },
};
