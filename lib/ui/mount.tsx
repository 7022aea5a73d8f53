/** Mounts a page's root component, with the page's title and language from the browser's i18n. */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { t, type MessageKey } from '@/lib/i18n/t';
import '@/components/styles.css';

export function mount(node: ReactNode, title: MessageKey): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  // The language of the words shown, which is the message file's (English when the person's is missing).
  document.documentElement.lang = t('lang');
  document.title = t(title);
  createRoot(root).render(<StrictMode>{node}</StrictMode>);
}
