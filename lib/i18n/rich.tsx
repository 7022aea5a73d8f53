/**
 * A message whose placeholders hold elements (a bold origin, a link, a select): the browser fills
 * the placeholders with markers, and the markers become the elements, wherever the translator put
 * them. Only the message's own text is text: a value never becomes markup.
 */
import { Fragment, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { MessageKey } from './t';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = new RegExp(`${OPEN}(\\d)${CLOSE}`, 'g');

export function rich(key: MessageKey, ...values: ReactNode[]): ReactNode {
  const text = browser.i18n.getMessage(key, values.map((_, i) => `${OPEN}${i}${CLOSE}`));
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(MARKER)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(<Fragment key={parts.length}>{values[Number(m[1])]}</Fragment>);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
