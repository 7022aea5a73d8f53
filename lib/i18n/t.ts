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
 * The message for `count` in the plural form the person's language uses for it (English: one and
 * other); `count` is the first value, then `values`.
 */
export function plural(base: PluralKey, count: number, ...values: (string | number)[]): string {
  const form = new Intl.PluralRules(t('lang')).select(count);
  const subs = [count, ...values].map(String);
  // A form the language does not need is absent from its file: the browser gives '' for it.
  return browser.i18n.getMessage(`${base}_${form}` as MessageKey, subs) || browser.i18n.getMessage(`${base}_other`, subs);
}
