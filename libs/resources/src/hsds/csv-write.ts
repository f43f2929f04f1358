import { neutralizeCsvCell } from '@caseflow/core';

/**
 * RFC 4180 CSV output: a field is quoted when it holds a comma, a quote, a line break or edge spaces; quotes are doubled.
 * A cell a spreadsheet would run as a formula is kept as text first (`neutralizeCsvCell`; the import undoes it).
 */
export function csvField(value: string | null): string {
  if (value === null) return '';
  const text = neutralizeCsvCell(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
