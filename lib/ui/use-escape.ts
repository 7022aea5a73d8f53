/**
 * Esc closes a disclosure (a form opened by a button) and gives focus back to the button that
 * opened it, so a keyboard user is not left on a control that no longer exists.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';

export function useEscapeToClose(open: boolean, close: () => void) {
  const openerRef = useRef<HTMLButtonElement>(null);
  const closedByEscape = useRef(false);
  useEffect(() => {
    if (open || !closedByEscape.current) return;
    closedByEscape.current = false;
    openerRef.current?.focus();
  }, [open]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation();
    closedByEscape.current = true;
    close();
  };
  return { openerRef, onKeyDown };
}
