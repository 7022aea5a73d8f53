import { describe, expect, it } from 'vitest';
import { modelKind } from './model-kind';

describe('modelKind: a model id says what it serves', () => {
  it.each(['text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002', 'models/gemini-embedding-001', 'nomic-embed-text', 'mxbai-embed-large', 'voyage-3', 'BAAI/bge-large-en-v1.5', 'intfloat/multilingual-e5-large'])(
    '%s is an embedding model',
    (model) => expect(modelKind(model)).toBe('embedding'),
  );

  it.each(['gpt-4o-mini', 'gpt-4o', 'gpt-5', 'o3-mini', 'claude-haiku-4-5', 'claude-sonnet-4-5', 'gemini-2.5-flash', 'llama3.2', 'qwen2.5', 'mistral-large-latest', 'deepseek-chat', 'meta-llama/Llama-3.3-70B-Instruct-Turbo'])(
    '%s is a chat model',
    (model) => expect(modelKind(model)).toBe('chat'),
  );

  it.each(['tts-1', 'tts-1-hd', 'gpt-4o-mini-tts', 'eleven_multilingual_v2', 'eleven_flash_v2_5', 'gemini-2.5-flash-preview-tts', 'playai-tts'])('%s is a speech model', (model) =>
    expect(modelKind(model)).toBe('speech'),
  );

  it.each(['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'whisper-large-v3-turbo', 'scribe_v1'])('%s is a transcription model', (model) =>
    expect(modelKind(model)).toBe('transcription'),
  );

  it.each(['dall-e-3', 'dall-e-2', 'gpt-image-1', 'imagen-4.0-generate-001', 'gemini-2.5-flash-image-preview'])('%s is an image model', (model) =>
    expect(modelKind(model)).toBe('image'),
  );

  it.each(['omni-moderation-latest', 'gpt-4o-realtime-preview', 'llama-guard-3-8b', 'gpt-4o-audio-preview', 'veo-3.0-generate-001'])(
    '%s is neither',
    (model) => expect(modelKind(model)).toBe('other'),
  );
});
