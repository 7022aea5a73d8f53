/** Mounts a page's root component. */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/styles.css';

export function mount(node: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(<StrictMode>{node}</StrictMode>);
}
