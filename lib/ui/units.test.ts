import { describe, expect, it } from 'vitest';
import { capabilityName, unitsInWords } from './units';
import { formatMediaPrice, priceInWords } from './format';

describe('capabilities and their units, in words', () => {
  it('names each capability', () => {
    expect(['chat', 'embed', 'speech', 'transcription', 'images'].map((k) => capabilityName(k as never))).toEqual(['Chat', 'Embeddings', 'Speech', 'Transcription', 'Images']);
  });

  it('says each unit with its number, grouped and singular where it is one', () => {
    expect(unitsInWords({ characters: 1234 })).toEqual(['1,234 characters']);
    expect(unitsInWords({ characters: 1 })).toEqual(['1 character']);
    expect(unitsInWords({ seconds: 42 })).toEqual(['42 s of audio']);
    expect(unitsInWords({ seconds: 61.25 })).toEqual(['61.3 s of audio']);
    expect(unitsInWords({ images: 2 })).toEqual(['2 images']);
    expect(unitsInWords({ images: 1 })).toEqual(['1 image']);
    expect(unitsInWords(undefined)).toEqual([]);
    expect(unitsInWords({})).toEqual([]);
  });

  it('says a media price in its unit', () => {
    expect(formatMediaPrice({ unit: 'perMChars', usd: 15 })).toBe('$15.00 / 1M characters');
    expect(formatMediaPrice({ unit: 'perMinute', usd: 0.006 })).toBe('$0.006 / minute');
    expect(formatMediaPrice({ unit: 'perImage', usd: 0.04 })).toBe('$0.04 / image');
    expect(priceInWords({ inputPerM: 0, outputPerM: 0, source: 'override', perImage: 0.08 })).toBe('$0.08 / image');
    expect(priceInWords({ inputPerM: 0, outputPerM: 0, source: 'table', perMChars: 15 })).toBe('$15.00 / 1M characters');
    expect(priceInWords({ inputPerM: 0, outputPerM: 0, source: 'local', perImage: 0 })).toBe('free (local)');
    expect(priceInWords({ inputPerM: 0.15, outputPerM: 0.6, source: 'table' })).toBe('$0.15 / $0.60 per 1M tokens in/out');
  });
});
