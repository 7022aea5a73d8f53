/** React glue for lib/ui/arming.ts: is this window's consequential button armed yet? */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createArming, type Arming } from './arming';

export interface Armed {
  /** For rendering (data-armed, aria-disabled). */
  armed: boolean;
  /** For event handlers: the state at this moment, not at the last render. */
  isArmed: () => boolean;
}

const attended = () => document.visibilityState === 'visible' && document.hasFocus();

/**
 * Arms once the window has been shown and focused for ARM_DELAY_MS, from the component's mount
 * (when its prompt is on screen). With `restartOnKeys`, a key pressed before then starts the
 * wait again, so someone still typing what they meant for a page never arms it.
 */
export function useArmed({ restartOnKeys = false }: { restartOnKeys?: boolean } = {}): Armed {
  const [armed, setArmed] = useState(false);
  const arming = useRef<Arming | null>(null);
  useEffect(() => {
    const gate = createArming(setArmed);
    arming.current = gate;
    const onFocus = () => gate.attend(document.visibilityState === 'visible');
    const onBlur = () => gate.attend(false);
    const onVisibility = () => gate.attend(attended());
    const onKey = () => gate.restart();
    window.addEventListener('focus', onFocus);
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onVisibility);
    if (restartOnKeys) window.addEventListener('keydown', onKey, true);
    gate.attend(attended());
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('keydown', onKey, true);
      gate.dispose();
      arming.current = null;
      setArmed(false);
    };
  }, [restartOnKeys]);
  const isArmed = useCallback(() => arming.current?.armed ?? false, []);
  return { armed, isArmed };
}
