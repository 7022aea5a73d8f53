import { describe, expect, it } from 'vitest';
import { anthropicAdapter } from './anthropic';
import { openaiAdapter } from './openai';
import { PRESETS, baseUrlFor, filterModels, isLocalBaseUrl, knownModels, presetFor, presetForBaseUrl, presetServes, type ProviderCapability } from './presets';
import { adapterFor, adapterForKey, credentialsFor } from './registry';
import type { ProviderKind } from './types';

describe('presets', () => {
  it('has the providers the options page must offer, with unique ids', () => {
    const labels = PRESETS.map((p) => p.label);
    expect(labels).toEqual(expect.arrayContaining(['OpenAI', 'Anthropic', 'OpenAI-compatible', 'OpenRouter', 'Groq', 'Together AI', 'Mistral', 'DeepSeek', 'xAI', 'Google Gemini', 'Ollama', 'LM Studio']));
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('follows the base URL convention: OpenAI-style ends with the version, Anthropic does not', () => {
    for (const preset of PRESETS) {
      if (preset.needsBaseUrl) {
        expect(preset.defaultBaseUrl).toBeUndefined();
        continue;
      }
      expect(preset.defaultBaseUrl).toMatch(/^https?:\/\/[^/]+/);
      if (preset.kind === 'openai') expect(preset.defaultBaseUrl).toMatch(/\/v1(beta\/openai)?$/);
      else expect(new URL(preset.defaultBaseUrl!).pathname).toBe('/');
      expect(preset.keyless).toBe(isLocalBaseUrl(preset.defaultBaseUrl));
      if (!preset.keyless) expect(preset.keyUrl).toMatch(/^https:\/\//);
    }
  });

  it('finds presets by id and by base URL, and never by a prototype key', () => {
    expect(presetFor('groq')?.label).toBe('Groq');
    expect(presetFor('__proto__')).toBeUndefined();
    expect(presetFor('constructor')).toBeUndefined();
    expect(presetForBaseUrl('https://api.groq.com/openai/v1')?.id).toBe('groq');
    expect(presetForBaseUrl('https://api.groq.com.evil.test/openai/v1')).toBeUndefined();
    expect(presetForBaseUrl('http://localhost:11434/v1')).toBeUndefined();
    expect(presetForBaseUrl('nonsense')).toBeUndefined();
    expect(baseUrlFor('ollama')).toBe('http://localhost:11434/v1');
    expect(baseUrlFor('ollama', 'http://127.0.0.1:9999/v1')).toBe('http://127.0.0.1:9999/v1');
    expect(baseUrlFor('openai-compatible')).toBeUndefined();
  });

  it('says which capabilities each preset serves: all for OpenAI and OpenAI-compatible endpoints', () => {
    expect(['chat', 'embed', 'speech', 'transcription', 'images'].every((c) => presetServes('openai', c as ProviderCapability))).toBe(true);
    expect(presetServes('openai-compatible', 'images')).toBe(true);
    expect(presetServes('groq', 'transcription')).toBe(true);
    expect(presetServes('groq', 'images')).toBe(false);
    expect(presetServes('gemini', 'images')).toBe(true);
    expect(presetServes('anthropic', 'speech')).toBe(false);
    expect(presetServes('elevenlabs', 'speech')).toBe(true);
    expect(presetServes('elevenlabs', 'chat')).toBe(false);
    expect(presetServes('__proto__', 'chat')).toBe(false);
    expect(presetFor('elevenlabs')).toMatchObject({ label: 'ElevenLabs', kind: 'elevenlabs', defaultBaseUrl: 'https://api.elevenlabs.io' });
  });

  it('filters model lists and knows a few models per preset', () => {
    // Speech, transcription and image models are grantable; realtime, chat-audio and moderation ones are not.
    const listed = ['gpt-4o-mini', 'dall-e-3', 'whisper-1', 'tts-1', 'gpt-4o-realtime-preview', 'text-embedding-3-small', 'omni-moderation-latest', 'o3'];
    listed.push('gpt-4o-mini-tts', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-image-1', 'gpt-4o-audio-preview', 'gpt-4o-realtime-preview-2024-12-17', 'gpt-4o-mini-realtime-preview', 'tts-1-hd', 'sora-2');
    expect(filterModels('openai', listed)).toEqual([
      'gpt-4o-mini',
      'dall-e-3',
      'whisper-1',
      'tts-1',
      'text-embedding-3-small',
      'o3',
      'gpt-4o-mini-tts',
      'gpt-4o-transcribe',
      'gpt-4o-mini-transcribe',
      'gpt-image-1',
      'tts-1-hd',
    ]);
    expect(filterModels('groq', ['llama-3.1-8b-instant', 'whisper-large-v3', 'playai-tts', 'meta-llama/llama-guard-4-12b'])).toEqual(['llama-3.1-8b-instant', 'whisper-large-v3', 'playai-tts']);
    expect(filterModels('gemini', ['models/gemini-2.5-flash', 'models/imagen-3.0-generate-002', 'models/gemini-2.5-flash-preview-tts', 'models/veo-2'])).toEqual([
      'models/gemini-2.5-flash',
      'models/imagen-3.0-generate-002',
    ]);
    expect(filterModels('openrouter', ['a/b'])).toEqual(['a/b']);
    expect(knownModels('openai')).toContain('gpt-4o-mini');
    expect(knownModels('__proto__')).toEqual([]);
    expect(knownModels('ollama')).toEqual([]);
  });
});

describe('isLocalBaseUrl', () => {
  it.each([
    ['http://localhost:11434/v1', true],
    ['http://127.0.0.1:1234/v1', true],
    ['http://[::1]:8080/v1', true],
    ['https://LOCALHOST/v1', true],
    ['http://localhost.example.com/v1', false],
    ['http://127.0.0.1.nip.io/v1', false],
    ['http://user@evil.test/#@localhost', false],
    ['http://10.0.0.5:11434/v1', false],
    ['file:///etc/passwd', false],
    ['ftp://localhost/', false],
    ['localhost:11434', false],
    ['', false],
    [undefined, false],
    [null, false],
  ])('%s -> %s', (url, expected) => {
    expect(isLocalBaseUrl(url)).toBe(expected);
  });
});

describe('registry', () => {
  it('maps each wire format to its adapter and refuses anything else', () => {
    expect(adapterFor('openai')).toBe(openaiAdapter);
    expect(adapterFor('anthropic')).toBe(anthropicAdapter);
    for (const hostile of ['toString', '__proto__', 'constructor', 'OpenAI', '']) {
      expect(() => adapterFor(hostile as ProviderKind)).toThrow(/Invalid request: provider: unknown provider kind/);
    }
    expect(adapterForKey({ provider: 'groq' })).toBe(openaiAdapter);
    expect(() => adapterForKey({ provider: 'hasOwnProperty' })).toThrow('Invalid request: provider: unknown provider hasOwnProperty');
  });

  it('builds credentials from a key and its preset', () => {
    expect(credentialsFor({ provider: 'anthropic' }, 'sk-ant-x')).toEqual({ kind: 'anthropic', label: 'Anthropic', secret: 'sk-ant-x', baseUrl: 'https://api.anthropic.com' });
    expect(credentialsFor({ provider: 'openai-compatible', baseUrl: 'https://llm.example.com/v1' }, 'k', 5_000)).toEqual({
      kind: 'openai',
      label: 'OpenAI-compatible',
      secret: 'k',
      baseUrl: 'https://llm.example.com/v1',
      timeoutMs: 5_000,
    });
    expect(credentialsFor({ provider: 'ollama' }, '')).toMatchObject({ secret: '', baseUrl: 'http://localhost:11434/v1' });
  });
});
