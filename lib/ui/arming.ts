/**
 * The input delay of the wallet's prompts (docs/THREAT_MODEL.md, "keystrokes"). A page can make
 * the wallet open a window while the person types or clicks in the page: what they meant for the
 * page must not land on a button that grants or unlocks. As browsers do for their own permission
 * dialogs, such a button is "armed" only once its window has been shown and focused for
 * ARM_DELAY_MS; losing focus or visibility disarms it, and getting them back starts the wait again.
 */
export const ARM_DELAY_MS = 500;

export interface ArmingTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface Arming {
  readonly armed: boolean;
  /** The window is now shown and focused (`true`), or not. */
  attend(attended: boolean): void;
  /** Input arrived before the button was armed (someone was still typing): the wait starts again. */
  restart(): void;
  dispose(): void;
}

const realTimers: ArmingTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `onChange` hears every change of `armed`. Pure of the DOM: the hook in use-armed.ts feeds it. */
export function createArming(onChange: (armed: boolean) => void, delayMs = ARM_DELAY_MS, timers: ArmingTimers = realTimers): Arming {
  let armed = false;
  let attended = false;
  let timer: unknown = null;
  const stopTimer = () => {
    if (timer !== null) timers.clear(timer);
    timer = null;
  };
  const setArmed = (next: boolean) => {
    if (armed === next) return;
    armed = next;
    onChange(next);
  };
  const startTimer = () => {
    stopTimer();
    timer = timers.set(() => {
      timer = null;
      if (attended) setArmed(true);
    }, delayMs);
  };
  return {
    get armed() {
      return armed;
    },
    attend(next) {
      if (next === attended) return;
      attended = next;
      if (next) startTimer();
      else {
        stopTimer();
        setArmed(false);
      }
    },
    restart() {
      if (armed || !attended) return;
      startTimer();
    },
    dispose() {
      stopTimer();
      attended = false;
    },
  };
}
