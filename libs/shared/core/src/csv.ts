/**
 * CSV injection: a spreadsheet opening a CSV runs a cell that begins with
 * `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a
 * formula, so a directory entry named `=HYPERLINK(…)` would become a live
 * link in a partner's spreadsheet. Every CSV the product writes passes its
 * cells through `neutralizeCsvCell`, which prefixes such a cell with a single
 * quote (OWASP's advice); a plain number such as a negative longitude is no
 * formula and stays as it is. A cell that already begins with quotes before
 * such a character gets one more, so `restoreCsvCell` (used when reading our
 * own files back) returns exactly what was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The cell as text a spreadsheet will not evaluate. */
export function neutralizeCsvCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** The value `neutralizeCsvCell` was given, from the cell it wrote. */
export function restoreCsvCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell.slice(1)) ? cell.slice(1) : cell;
}
