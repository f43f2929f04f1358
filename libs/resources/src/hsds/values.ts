/**
 * HSDS values between their text form (CSV cells, database text) and what
 * they mean: the checks an imported cell must pass, and the JSON value the
 * HSDS API gives for a stored one.
 */
import { isUuid } from '@caseflow/auth';
import type { HsdsField } from './package';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return DATE.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isUri(text: string): boolean {
  try {
    return new URL(text).protocol.length > 1;
  } catch {
    return false;
  }
}

/** What is wrong with a cell for this field, or null when it is fine. An empty cell is "no value". */
export function cellProblem(field: HsdsField, cell: string): string | null {
  if (cell === '') return field.required ? 'is required' : null;
  if (field.required && cell.trim() === '') return 'is required';
  if (field.enum && !field.enum.includes(cell)) return `must be one of ${field.enum.join(', ')}`;
  switch (field.type) {
    case 'number':
      if (!NUMBER.test(cell.trim())) return 'must be a number';
      break;
    case 'date':
      if (!isRealDate(cell)) return 'must be a date YYYY-MM-DD';
      break;
    case 'time':
      if (!TIME.test(cell)) return 'must be a time HH:MM:SS';
      break;
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}T/.test(cell) || Number.isNaN(Date.parse(cell))) return 'must be an ISO 8601 date and time';
      break;
    default:
      break;
  }
  if (field.format === 'uuid' && !isUuid(cell)) return 'must be a UUID';
  if (field.format === 'email' && !EMAIL.test(cell)) return 'must be an email address';
  if (field.format === 'uri' && !isUri(cell)) return 'must be an absolute URI';
  return null;
}

/** The UTC offset (hours) a zone has at an instant, e.g. -4 for America/Halifax in November. */
export function utcOffsetHours(zone: string, at: Date): number | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!match) return name === 'GMT' ? 0 : null;
    const hours = Number(match[2]) + Number(match[3]) / 60;
    return match[1] === '-' ? -hours : hours;
  } catch {
    return null;
  }
}

/**
 * The JSON value of a stored field, or undefined to leave it out (HSDS
 * fields are never null). Numbers become numbers; a schedule's IANA zone
 * becomes its UTC offset at `now`, as HSDS 3.0 types `timezone` as a number.
 */
export function jsonValue(field: HsdsField, text: string | null, now: Date): string | number | undefined {
  if (text === null || text === '') return undefined;
  if (field.type !== 'number') return text;
  if (NUMBER.test(text.trim())) return Number(text);
  if (field.name === 'timezone') return utcOffsetHours(text, now) ?? undefined;
  return undefined;
}
