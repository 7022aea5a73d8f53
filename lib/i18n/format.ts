/**
 * A message file's message with its substitutions, the way the browsers do it: `$NAME$` is the
 * placeholder of that name (any case), whose content may name a substitution (`$1` … `$9`); `$$` is
 * a dollar sign. The browser does this for the pages; the unit tests and the message-file checks
 * use this copy (tests/unit/i18n.test.ts checks the files against it).
 */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const TOKEN = /\$\$|\$([A-Za-z0-9_@]+)\$|\$([1-9])/g;

export function formatMessage(entry: MessageEntry, values: readonly string[] = []): string {
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const substitute = (text: string, depth: number): string =>
    text.replace(TOKEN, (token, name: string | undefined, index: string | undefined) => {
      if (token === '$$') return '$';
      if (index !== undefined) return values[Number(index) - 1] ?? '';
      const content = placeholders.get(name!.toLowerCase());
      return content === undefined || depth > 0 ? token : substitute(content, depth + 1);
    });
  return substitute(entry.message, 0);
}
