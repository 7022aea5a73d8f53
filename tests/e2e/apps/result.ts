/** What the test apps hand back to the tests: plain data only. */
export interface SdkError {
  /** The SDK's error class, e.g. `APIUserAbortError`, or the error's `name`. */
  kind: string;
  message: string;
  status?: number;
}

export interface StreamRun {
  deltas: string[];
  text: string;
  finish?: string | null;
  usage?: unknown;
  error?: SdkError;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any error class, whatever its constructor takes
type ErrorClass = abstract new (...args: any[]) => unknown;

/** The error an SDK raised, named by the first of `classes` it is an instance of, else by its name. */
export function describeError(e: unknown, classes: Record<string, ErrorClass> = {}): SdkError {
  const err = e as { name?: unknown; message?: unknown; status?: unknown } | null;
  const kind = Object.entries(classes).find(([, C]) => e instanceof C)?.[0] ?? String(err?.name ?? 'Error');
  return { kind, message: String(err?.message ?? e), ...(typeof err?.status === 'number' ? { status: err.status } : {}) };
}
