/** Errors as the page sees them: an Error with a numeric `code` (docs/API.md, "The page API"). */
export class ProviderRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'ByokError';
  }
}

export function abortError(): Error {
  return new DOMException('The request was aborted', 'AbortError');
}

export const invalid = (field: string, problem: string) => new ProviderRpcError(-32602, `Invalid request: ${field}: ${problem}`);

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
