import { z } from 'zod';
import { ErrorCode, WalletError } from './errors';
import { messages } from './messages';

// No code generation: zod would otherwise probe `new Function`, which the extension's CSP refuses.
z.config({ jitless: true });

/** Formats a zod issue path the way a developer writes it: `messages[0].content`. */
export function formatPath(path: ReadonlyArray<PropertyKey>, root: string): string {
  let out = root;
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  }
  return out || '(root)';
}

/**
 * Parses `input` with `schema`, or throws a -32602 {@link WalletError} naming the first bad field.
 * @param root the name of the argument, e.g. `params`, prefixed to the field path.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue) throw new WalletError(ErrorCode.invalidParams, messages.invalidParams(root || '(root)', 'invalid'));
  let path = issue.path;
  let problem = issue.message;
  if (issue.code === 'unrecognized_keys') {
    path = [...issue.path, issue.keys[0] ?? ''];
    problem = 'unknown field';
  }
  throw new WalletError(ErrorCode.invalidParams, messages.invalidParams(formatPath(path, root), problem));
}
