/**
 * The field validators every service uses, one set for all four subgraphs.
 *
 * One argument order: `(field, value, options)`. The field comes first
 * because it is what the error names; options (limits, allowed values) come
 * last. Each returns the checked, normalised value (text trimmed, blank →
 * null, UUIDs lower-cased) or throws `badInput(field, problem)`: a
 * BAD_USER_INPUT naming the field by its path as the caller sees it
 * (`input.steps[0].description`), with a short sentence-case problem that
 * quotes at most a short excerpt of the value. Services run them all before
 * anything is written.
 *
 * Plain functions on the edge's rules (`./input`), not zod schemas: each
 * check is one line, needs no parsing step and answers in the project's
 * `badInput` shape directly.
 */
import { badInput } from './errors';
import { type DateRange, checkDate, excerpt, isProseField, MULTI_LINE_MAX, normalizeUuid, SINGLE_LINE_MAX } from './input';

export interface TextOptions {
  /** The most characters the trimmed text may have; defaults to the edge's widest (2,000 on one line, 20,000 in prose). */
  max?: number;
  /**
   * Whether tab and line breaks are allowed. Defaults to the edge's rule by
   * the field's name: prose (a description, note, rationale, reason…) may
   * span lines, anything else may not.
   */
  multiLine?: boolean;
}

// eslint-disable-next-line no-control-regex
const singleLineControl = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const multiLineControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** An optional text: trimmed; absent or blank → null; control characters refused; at most `max` characters. */
export function optionalText(field: string, value: string | null | undefined, options: TextOptions = {}): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw badInput(field, 'must be text');
  const multiLine = options.multiLine ?? isProseField(field);
  if ((multiLine ? multiLineControl : singleLineControl).test(value)) {
    throw badInput(
      field,
      multiLine
        ? 'must not contain control characters other than tab and line breaks'
        : 'must not contain control characters or line breaks',
    );
  }
  const text = value.trim();
  const max = options.max ?? (multiLine ? MULTI_LINE_MAX : SINGLE_LINE_MAX);
  if (text.length > max) throw badInput(field, `must be at most ${max} characters`);
  return text === '' ? null : text;
}

/** A required text: as `optionalText`, and not blank. */
export function requiredText(field: string, value: string | null | undefined, options: TextOptions = {}): string {
  const text = optionalText(field, value, options);
  if (text === null) throw badInput(field, 'must not be empty');
  return text;
}

/** A UUID in any letter case, answered in lower case. */
export function uuid(field: string, value: string | null | undefined): string {
  return normalizeUuid(value, field);
}

export function optionalUuid(field: string, value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : uuid(field, value);
}

export interface ListOptions {
  /** The most items the list may hold. */
  max: number;
  /** What the items are, for the message (`must hold at most 20 goals`); defaults to "items". */
  noun?: string;
}

/** A list of at most `max` items (absent counts as empty). */
export function listLength<T>(field: string, values: readonly T[] | null | undefined, options: ListOptions): readonly T[] {
  const list = values ?? [];
  if (list.length > options.max) throw badInput(field, `must hold at most ${options.max} ${options.noun ?? 'items'}`);
  return list;
}

/** A list of UUIDs: at most `max`, each lower-cased, duplicates dropped; null when absent. */
export function uuidList(field: string, values: readonly string[] | null | undefined, options: ListOptions): string[] | null {
  if (values === null || values === undefined) return null;
  listLength(field, values, { noun: 'ids', ...options });
  return [...new Set(values.map((value, i) => uuid(`${field}[${i}]`, value)))];
}

/** One of the allowed values, exactly. */
export function oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw badInput(field, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${excerpt(value)}`);
  }
  return value as T;
}

export function optionalOneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T | null {
  return value === null || value === undefined ? null : oneOf(field, value, allowed);
}

export interface IntegerOptions {
  min: number;
  max?: number;
}

/** A whole number from `min` to `max` (inclusive; no upper bound when `max` is left out). */
export function integer(field: string, value: number | null | undefined, options: IntegerOptions): number {
  const { min, max } = options;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || (max !== undefined && value > max)) {
    throw badInput(field, max === undefined ? `must be a whole number of ${min} or more` : `must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** An optional calendar date `YYYY-MM-DD` that exists and lies in `range` (inclusive). */
export function optionalDate(field: string, value: string | null | undefined, range: DateRange): string | null {
  return value === null || value === undefined ? null : checkDate(value, field, range);
}
