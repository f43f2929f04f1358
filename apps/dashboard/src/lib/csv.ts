/** CSV as RFC 4180 has it: fields quoted when needed, quotes doubled, CRLF line ends. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell beginning with = + - @, a tab or a carriage return would be run as a formula by a spreadsheet: it is prefixed
 * with a single quote so that it stays text (OWASP's advice), unless it is a plain number. The same rule as the server's
 * `neutralizeCsvCell` (@caseflow/core), copied because the dashboard imports no workspace library.
 */
export function neutralizeCsvCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const safe = neutralizeCsvCell(String(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
