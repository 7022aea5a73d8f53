/** React glue: load a value from the wallet and reload it whenever the wallet changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { onWalletChanged } from './client';
import { toShownError, type ShownError } from './error-text';

export type { ShownError };

export interface Loaded<T> {
  data: T | undefined;
  /** The last load's error, kept whole (code, what it said by name) for `ErrorText` (components/Field.tsx). */
  error: ShownError | null;
  reload: () => void;
}

export function useWallet<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ShownError | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // A busy wallet changes many times a second: while a load runs, changes make one more load
  // after it rather than a pile of overlapping queries.
  const loading = useRef(false);
  const changedMeanwhile = useRef(false);
  const onChanged = useCallback(() => {
    if (loading.current) changedMeanwhile.current = true;
    else reload();
  }, [reload]);
  useEffect(() => onWalletChanged(onChanged), [onChanged]);
  useEffect(() => {
    let live = true;
    loading.current = true;
    changedMeanwhile.current = false;
    load()
      .then(
        (value) => live && (setData(value), setError(null)),
        (e: unknown) => live && setError(toShownError(e)),
      )
      .finally(() => {
        if (!live) return;
        loading.current = false;
        if (changedMeanwhile.current) reload();
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is recreated each render; deps name what it reads
  }, [tick, ...deps]);
  return { data, error, reload };
}

/** Runs an action, tracking busy and error state for a form. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setShown] = useState<ShownError | null>(null);
  /** A page's own problem: its words, or a phrase it can say in the person's language (lib/protocol/said.ts). */
  const setError = useCallback((e: string | ShownError | null) => setShown(typeof e === 'string' ? { message: e } : e), []);
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      setBusy(true);
      setShown(null);
      try {
        return await action(...args);
      } catch (e) {
        setShown(toShownError(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}
