/**
 * The manifest's words come from the browser's i18n (public/_locales/<lang>/messages.json): every
 * `__MSG_name__` the manifest uses has its message in English, the default, and in every other
 * language present; and the description fits the stores' 132 characters.
 */
import { readFile, readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;
const read = async (lang: string): Promise<Messages> => JSON.parse(await readFile(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;

describe('locales', () => {
  it('every message the manifest names exists in every language, and the description fits the stores', async () => {
    const config = await readFile('wxt.config.ts', 'utf8');
    const used = [...config.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);
    expect(used).toEqual(expect.arrayContaining(['extName', 'extDescription']));
    expect(config).toContain("default_locale: 'en'");
    for (const lang of await readdir('public/_locales')) {
      const messages = await read(lang);
      for (const name of used) expect(messages[name]?.message, `${lang}: ${name}`).toBeTruthy();
      expect(messages.extDescription!.message.length, lang).toBeLessThanOrEqual(132);
    }
  });
});
