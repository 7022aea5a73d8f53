/** Valid messages of each boundary, the seeds that near-valid hostile inputs are made from. */

export const CHAT_MINIMAL = { messages: [{ role: 'user', content: 'hi' }] };

export const CHAT_FULL = {
  messages: [
    { role: 'system', content: 'be brief' },
    { role: 'user', content: [{ type: 'text', text: 'hi' }, { type: 'image', url: 'data:image/png;base64,AAAA' }] },
    { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'f', arguments: { a: 1 } }] },
    { role: 'tool', toolCallId: 'c1', content: '42' },
  ],
  model: 'gpt-4o-mini',
  maxTokens: 100,
  temperature: 0.5,
  tools: [{ name: 'f', description: 'does f', parameters: { type: 'object' } }],
  toolChoice: { name: 'f' },
  responseFormat: { type: 'json_schema', name: 'out', schema: { type: 'object' } },
  stop: ['x'],
  topP: 0.5,
  seed: 3,
};

export const CHAT_SAMPLES = [CHAT_MINIMAL, CHAT_FULL, { messages: [{ role: 'user', content: 'x' }], toolChoice: 'auto', responseFormat: { type: 'json' } }];

export const CONNECT_SAMPLES = [{}, { scopes: ['chat', 'embed'], models: ['gpt-4o-mini'], budget: { usd: 0.5, period: 'day' }, reason: 'because' }];

export const EMBED_SAMPLES = [{ input: 'x' }, { input: ['a', 'b'], model: 'text-embedding-3-small' }];

/** The media methods' params as the worker's handlers get them: binary data already a Uint8Array. */
export const SPEAK_SAMPLES = [{ text: 'hi' }, { text: 'Hello there', voice: 'nova', model: 'tts-1', format: 'wav', instructions: 'calm', speed: 1.2 }];
export const TRANSCRIBE_SAMPLES = [
  { audio: new Uint8Array([82, 73, 70, 70]) },
  { audio: new Uint8Array([1, 2, 3]), audioType: 'audio/webm', model: 'whisper-1', language: 'en', prompt: 'p', responseFormat: 'srt', temperature: 0 },
];
export const IMAGE_SAMPLES = [{ prompt: 'a cat' }, { prompt: 'owls', n: 2, size: '1024x1024', quality: 'high', model: 'gpt-image-1', background: 'transparent', outputFormat: 'webp' }];

export const PARAM_SAMPLES: Record<string, readonly unknown[]> = {
  connect: CONNECT_SAMPLES,
  getGrant: [undefined],
  disconnect: [undefined],
  models: [undefined],
  chat: CHAT_SAMPLES,
  embed: EMBED_SAMPLES,
  speak: SPEAK_SAMPLES,
  transcribe: TRANSCRIBE_SAMPLES,
  generateImage: IMAGE_SAMPLES,
};

export const WIRE_SAMPLES = [
  { t: 'req', id: 1, method: 'chat', params: CHAT_FULL, stream: true },
  { t: 'req', id: 0, method: 'getGrant' },
  { t: 'req', id: 7, method: 'connect', params: CONNECT_SAMPLES[1] },
  { t: 'req', id: 9, method: 'embed', params: EMBED_SAMPLES[1] },
  { t: 'cancel', id: 3 },
  { t: 'sub' },
  { t: 'lane', token: '0123456789abcdef'.repeat(2) },
];

/** What the lane's bridge frame hands the worker (lib/lane). */
export const LANE_HAND_OVER_SAMPLES = [{ lane: 'ab'.repeat(16), origin: 'https://app.example' }];

/** Valid params of UI commands (the others take none, or are covered by the generic inputs). */
export const UI_PARAM_SAMPLES: Record<string, readonly unknown[]> = {
  'vault.create': [{ passphrase: 'correct horse battery staple' }],
  'vault.unlock': [{ passphrase: 'correct horse battery staple' }],
  'vault.changePassphrase': [{ current: 'a long passphrase', next: 'another long passphrase' }],
  'keys.add': [{ provider: 'openai', name: 'Mine', secret: 'sk-test-1', baseUrl: 'https://api.openai.com/v1', saveUnvalidated: false }],
  'keys.remove': [{ id: 'k1' }],
  'grants.get': [{ origin: 'https://app.example' }],
  'grants.revoke': [{ origin: 'https://app.example' }],
  'grants.update': [
    { origin: 'https://app.example', models: ['gpt-4o-mini'], defaultModel: 'gpt-4o-mini', budget: { usd: 1, period: 'week' }, scopes: ['chat'], rateLimitPerMin: 10, paused: false, expiresAt: null },
    { origin: 'https://app.example', routes: { 'gpt-4o-mini': 'k1' }, overBudget: 'ask', expiresAt: 1_900_000_000_000 },
  ],
  'approvals.get': [{ id: 'a1' }],
  'approvals.decide': [
    { id: 'a1', approve: false },
    { id: 'a1', approve: true, budget: { usd: 0.001, period: 'day' }, models: ['gpt-4o-mini'], defaultModel: 'gpt-4o-mini', scopes: ['chat', 'models'] },
  ],
  'ledger.recent': [{ origin: 'https://app.example', limit: 10 }],
  'prices.set': [{ keyId: 'k1', model: 'm', inputPerM: 1, outputPerM: 2 }],
  'prices.remove': [{ keyId: 'k1', model: 'm' }],
  'settings.set': [{ autoLockMinutes: 5, defaultRateLimitPerMin: 30, defaultPeriod: 'month' }, { overBudget: 'ask' }],
  'grants.details': [{ origin: 'https://app.example' }],
  'approvals.raise': [{ id: 'a1', usd: 0.5 }],
  'ledger.query': [{ origin: 'https://app.example', model: 'gpt-4o-mini', status: 'refused', from: 0, to: 1e12, limit: 50 }],
  'usage.summary': [{ days: 30 }],
  'usage.byKey': [{ days: 30 }],
  'audit.list': [{ limit: 100, beforeId: 7, type: 'grant.revoked' }],
};
