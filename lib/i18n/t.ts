/**
 * Every word the wallet shows a person comes from the browser's i18n: the messages live in
 * public/_locales/<lang>/messages.json, where a translator can work without touching code, and the
 * browser picks the person's language (English when it has none of theirs). A key that is not in
 * the English file does not compile.
 */
import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;

/**
 * The message `key` in the person's language, with `values` in its placeholders in order
 * (`$1` … `$9`, named in the message file so a translator can move them).
 */
export function t(key: MessageKey, ...values: (string | number)[]): string {
  return browser.i18n.getMessage(key, values.map(String));
}

/** The keys that have plural forms: `base_other`, and `base_one` (and `_zero`, `_two`, `_few`, `_many` where a language needs them). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];

/**
 * The key of `base`'s plural form for `count` in the person's language (English: one and other);
 * a form the language does not need is absent from its file, and `_other` stands in for it.
 */
export function pluralKey(base: PluralKey, count: number): MessageKey {
  const key = `${base}_${new Intl.PluralRules(t('lang')).select(count)}` as MessageKey;
  return browser.i18n.getMessage(key) ? key : `${base}_other`;
}

/** The message for `count` in its plural form (`pluralKey`); `count` is the first value, then `values`. */
export function plural(base: PluralKey, count: number, ...values: (string | number)[]): string {
  return t(pluralKey(base, count), count, ...values);
}
