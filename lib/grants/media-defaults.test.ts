import { describe, expect, it } from 'vitest';
import { defaultChoices, defaultsProblem, fillDefaults, initialDefault, mediaScopesOf } from './media-defaults';

const OFFERED = ['gpt-4o-mini', 'gpt-4o-mini-tts', 'tts-1', 'gpt-4o-transcribe', 'whisper-1', 'gpt-image-1', 'dall-e-3', 'eleven_multilingual_v2', 'scribe_v1'];

describe('media defaults: the models each media scope may default to', () => {
  it('offers the models of the scope’s kind, in their order', () => {
    expect(defaultChoices(OFFERED, 'speech')).toEqual(['gpt-4o-mini-tts', 'tts-1', 'eleven_multilingual_v2']);
    expect(defaultChoices(OFFERED, 'transcription')).toEqual(['gpt-4o-transcribe', 'whisper-1', 'scribe_v1']);
    expect(defaultChoices(OFFERED, 'images')).toEqual(['gpt-image-1', 'dall-e-3']);
    expect(defaultChoices(['gpt-4o-mini'], 'speech')).toEqual([]);
  });

  it('starts with tts-1, whisper-1 and dall-e-3 when offered, else the first choice', () => {
    expect(initialDefault(defaultChoices(OFFERED, 'speech'), 'speech')).toBe('tts-1');
    expect(initialDefault(defaultChoices(OFFERED, 'transcription'), 'transcription')).toBe('whisper-1');
    expect(initialDefault(defaultChoices(OFFERED, 'images'), 'images')).toBe('dall-e-3');
    expect(initialDefault(['eleven_multilingual_v2', 'eleven_flash_v2_5'], 'speech')).toBe('eleven_multilingual_v2');
    expect(initialDefault([], 'speech')).toBe('');
  });

  it('names the media scopes among the asked ones, in order', () => {
    expect(mediaScopesOf(['images', 'chat', 'speech'])).toEqual(['speech', 'images']);
    expect(mediaScopesOf(['chat', 'models', 'embed'])).toEqual([]);
  });

  it('fills each granted media scope: the given default while allowed, then the kept one, then the first choice', () => {
    expect(fillDefaults(['chat', 'speech', 'images'], OFFERED, { speech: 'gpt-4o-mini-tts' })).toEqual({ speech: 'gpt-4o-mini-tts', images: 'dall-e-3' });
    expect(fillDefaults(['speech'], ['tts-1', 'gpt-4o-mini-tts'], {}, { speech: 'gpt-4o-mini-tts' })).toEqual({ speech: 'gpt-4o-mini-tts' });
    // A given model no longer allowed, or of another kind, is not kept.
    expect(fillDefaults(['speech'], ['gpt-4o-mini-tts'], { speech: 'tts-1' }, { speech: 'whisper-1' })).toEqual({ speech: 'gpt-4o-mini-tts' });
    // No model of the kind: no default; a scope not granted: none either.
    expect(fillDefaults(['speech', 'transcription'], ['tts-1'], { images: 'dall-e-3' })).toEqual({ speech: 'tts-1' });
  });

  it('names what is wrong with a default the person sent', () => {
    expect(defaultsProblem({ speech: 'tts-1' }, ['speech'], ['tts-1'])).toBeNull();
    expect(defaultsProblem({ speech: 'tts-1' }, ['chat'], ['tts-1'])).toEqual({ field: 'defaults.speech', reason: 'the scope is not granted' });
    expect(defaultsProblem({ speech: 'tts-1' }, ['speech'], ['gpt-4o-mini'])).toEqual({ field: 'defaults.speech', reason: 'must be one of the approved models' });
    expect(defaultsProblem({ images: 'whisper-1' }, ['images'], ['whisper-1'])).toEqual({ field: 'defaults.images', reason: "'whisper-1' cannot serve images" });
  });
});
