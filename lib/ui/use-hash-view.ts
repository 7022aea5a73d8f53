/** The options page's current view, following the URL hash (lib/ui/views.ts). */
import { useEffect, useState } from 'react';
import { viewFromHash, type ViewId } from './views';

export function useHashView(): ViewId {
  const [view, setView] = useState<ViewId>(() => viewFromHash(location.hash));
  useEffect(() => {
    const follow = () => setView(viewFromHash(location.hash));
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return view;
}
