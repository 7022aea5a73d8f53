/**
 * CSV (RFC 4180): fields separated by commas, records by CRLF; a field holding a comma, a quote,
 * CR or LF is quoted, its quotes doubled. Spreadsheets run a cell that starts with `=`, `+`, `-`
 * or `@` (or a tab or CR) as a formula, so a text cell starting with one is prefixed with `'`
 * (OWASP's "CSV injection" advice): a site's origin, a model name or a provider's error message
 * cannot become a formula in the person's spreadsheet. Numbers are the wallet's own and are
 * written as they are (an error code of -32602 stays a number).
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header, then one record per row, each line ending with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return lines.map((line) => `${line}\r\n`).join('');
}

/** Reads CSV back (RFC 4180, quoted fields included): for tests and for checking an export. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}
