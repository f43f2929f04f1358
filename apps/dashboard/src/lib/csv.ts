/** CSV as RFC 4180 has it: fields quoted when needed, quotes doubled, CRLF line ends. */
export type CsvCell = string | number | boolean | null | undefined;

function field(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // A leading = + - @ would be a formula in a spreadsheet: prefix it so that a cell stays text.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
