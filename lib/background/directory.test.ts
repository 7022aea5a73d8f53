import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWalletDb } from '../db/database';
import type { KeyRecord } from '../db/tables/keys';
import { providerDirectory } from './directory';

const key = (provider: string, id = provider): KeyRecord => ({ id, provider } as KeyRecord);

describe('providerDirectory: media prices and capabilities', () => {
  it('resolves an image’s price variant and passes a media model’s own rates on', async () => {
    const directory = providerDirectory(openWalletDb(`dir-${crypto.randomUUID()}`));
    expect(await directory.priceFor(key('openai'), 'dall-e-3', undefined, '1792x1024/hd')).toEqual({ inputPerM: 0, outputPerM: 0, perImage: 0.12 });
    expect(await directory.priceFor(key('openai'), 'tts-1')).toEqual({ inputPerM: 0, outputPerM: 0, perMChars: 15 });
    expect(await directory.priceFor(key('elevenlabs'), 'scribe_v1')).toBeNull();
  });

  it('honours the person’s media override (ElevenLabs’ plan price)', async () => {
    const db = openWalletDb(`dir-${crypto.randomUUID()}`);
    await db.prices.put({ keyId: 'el', model: 'scribe_v1', inputPerM: 0, outputPerM: 0, perMinute: 0.0067 });
    const directory = providerDirectory(db);
    expect(await directory.priceFor(key('elevenlabs', 'el'), 'scribe_v1')).toEqual({ inputPerM: 0, outputPerM: 0, perMinute: 0.0067 });
  });

  it('says which capabilities a key’s provider serves', () => {
    const directory = providerDirectory(openWalletDb(`dir-${crypto.randomUUID()}`));
    expect(directory.serves?.(key('openai'), 'images')).toBe(true);
    expect(directory.serves?.(key('anthropic'), 'speech')).toBe(false);
    expect(directory.serves?.(key('elevenlabs'), 'chat')).toBe(false);
    expect(directory.serves?.(key('openai-compatible'), 'transcription')).toBe(true);
    expect(directory.providerName(key('elevenlabs'))).toBe('elevenlabs');
  });
});
