/**
 * The rules every input passes at the edge of a subgraph (GraphQL arguments
 * and the HSDS API's query parameters alike): identifiers, free text, calendar
 * dates and instants. Each refuses with a field-named BAD_USER_INPUT whose
 * message quotes at most a short excerpt of what was sent.
 */
import { badInput } from './errors';

/** The longest excerpt of a caller's input an error message may quote. */
export const EXCERPT_MAX = 40;

/** A short, printable excerpt of a caller's value, for error messages. */
export function excerpt(value: unknown, max = EXCERPT_MAX): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex
  const printable = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return JSON.stringify(printable.length > max ? `${printable.slice(0, max)}…` : printable);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID, in any letter case: the one UUID test of the code base. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** A UUID in any letter case, answered in lower case (the form every key is stored in). */
export function normalizeUuid(value: unknown, field: string): string {
  if (!isUuid(value)) throw badInput(field, `must be a UUID, got ${excerpt(value)}`);
  return value.toLowerCase();
}

/** Single-line text: no control character at all. */
// eslint-disable-next-line no-control-regex
const singleLineControl = /[\u0000-\u001f\u007f]/;
/** Multi-line text: tab, line feed and carriage return are allowed; other control characters are not. */
// eslint-disable-next-line no-control-regex
const multiLineControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What is wrong with the control characters in `text`, or null when there are none it may not hold. */
export function controlCharacterProblem(text: string, multiLine: boolean): string | null {
  if (!(multiLine ? multiLineControl : singleLineControl).test(text)) return null;
  return multiLine
    ? 'must not contain control characters other than tab and line breaks'
    : 'must not contain control characters or line breaks';
}

/** Fields holding multi-line prose, by the last part of their name. */
const proseName = /(body|description|notes?|nextSteps|rationale|reason|summary|need|purpose|process|how)$/i;

/** Whether a field (a name or a path such as `input.steps[0].description`) holds prose that may span lines. */
export function isProseField(field: string): boolean {
  return proseName.test(field.replace(/(\[\d+\])+$/, ''));
}

export const SINGLE_LINE_MAX = 2_000;
export const MULTI_LINE_MAX = 20_000;

/**
 * Free text: refused when it holds NUL or another control character
 * (PostgreSQL refuses NUL in text; the others have no place in a name or a
 * search) or is longer than the widest field allows. Services keep their own,
 * narrower limits.
 */
export function checkText(value: unknown, field: string, multiLine = false): string {
  if (typeof value !== 'string') throw badInput(field, 'must be text');
  const problem = controlCharacterProblem(value, multiLine);
  if (problem) throw badInput(field, problem);
  const max = multiLine ? MULTI_LINE_MAX : SINGLE_LINE_MAX;
  if (value.length > max) throw badInput(field, `must be at most ${max} characters`);
  return value;
}

/** An inclusive range of calendar dates, `YYYY-MM-DD`. */
export interface DateRange {
  min: string;
  max: string;
  /** What the range means, for the error message (e.g. "between 1900-01-01 and today"). */
  meaning: string;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is `YYYY-MM-DD` and that day exists in the calendar (no 2026-02-30, no month 13). */
export function isCalendarDate(value: string): boolean {
  const m = datePattern.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The calendar date `years` years from `now` (UTC). */
export function yearsFrom(now: Date, years: number): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** What is wrong with `value` as a calendar date in `range`, or null when nothing is. */
export function dateProblem(value: unknown, range: DateRange): string | null {
  if (typeof value !== 'string' || !isCalendarDate(value)) return `must be a calendar date YYYY-MM-DD, got ${excerpt(value)}`;
  if (value < range.min || value > range.max) return `must be ${range.meaning}, got ${value}`;
  return null;
}

export function checkDate(value: unknown, field: string, range: DateRange): string {
  const problem = dateProblem(value, range);
  if (problem) throw badInput(field, problem);
  return value as string;
}

const instantPattern = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(\.\d{1,9})?)?(Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/** An ISO-8601 instant with a time zone, on a day that exists, within `range` (its UTC date). */
export function checkInstant(value: unknown, field: string, range: DateRange): Date {
  const m = typeof value === 'string' ? instantPattern.exec(value) : null;
  if (!m || !isCalendarDate(m[1])) {
    throw badInput(field, `must be an ISO-8601 date-time with a time zone (e.g. 2026-11-23T14:30:00Z), got ${excerpt(value)}`);
  }
  const instant = new Date(value as string);
  const day = Number.isNaN(instant.getTime()) ? '' : instant.toISOString().slice(0, 10);
  if (!day || day < range.min || day > range.max) throw badInput(field, `must be ${range.meaning}, got ${excerpt(value)}`);
  return instant;
}

/**
 * A message with every quoted run longer than EXCERPT_MAX cut short, so that
 * GraphQL's own coercion messages (which quote the whole value sent) never
 * echo a caller's long input back.
 */
export function shortenQuoted(message: string, max = EXCERPT_MAX): string {
  const shortened = message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) =>
    inner.length > max ? `"${inner.slice(0, max)}…"` : whole,
  );
  return shortened.length > 400 ? `${shortened.slice(0, 400)}…` : shortened;
}

/**
 * The input field a GraphQL coercion message is about: `Variable "$input" got
 * invalid value … at "input.birthDate"` names `input.birthDate`, and
 * `Variable "$clientId" …` names `clientId`.
 */
export function fieldOfCoercionMessage(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)"/.exec(message);
  if (!variable) return undefined;
  const at = / at "([\w.[\]]+)"/.exec(message);
  return at ? at[1] : variable[1];
}
