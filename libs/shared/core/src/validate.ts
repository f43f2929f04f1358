/**
 * The field validators every service uses, one set for all four subgraphs,
 * all on zod (the project's one validation library, as for configuration).
 *
 * Two layers:
 *
 * - **Schemas** (`text`, `requiredTextSchema`, `uuidSchema`, `oneOfSchema`,
 *   `integerSchema`, `dateSchema`, `listSchema`, `uuidListSchema`): zod
 *   schemas whose output is the checked, normalised value (text trimmed,
 *   blank → null, UUIDs lower-cased, duplicate ids dropped) and whose issues
 *   carry the project's problem sentences (`must not be empty`). They compose
 *   into `z.object` schemas for inputs whose rules span fields.
 * - **`check(field, schema, value)`** runs a schema and turns its first issue
 *   into `badInput(<field><issue path>, problem)`: a BAD_USER_INPUT naming the
 *   field by its path as the caller sees it (`input.goals[1].title must not
 *   be empty`). `checkInput` does the same for a whole input object.
 *
 * The field functions (`requiredText(field, value, options)`, `uuid`, …) are
 * thin wrappers over the two, keeping one argument order, `(field, value,
 * options)`: the field first because it is what the error names; options
 * (limits, allowed values) last. Services run them all before anything is
 * written.
 */
import { z } from 'zod';
import { badInput } from './errors';
import {
  controlCharacterProblem,
  type DateRange,
  dateProblem,
  excerpt,
  isProseField,
  isUuid,
  MULTI_LINE_MAX,
  SINGLE_LINE_MAX,
} from './input';

/** `input` + [`goals`, 1, `title`] → `input.goals[1].title`. */
function pathOf(field: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), field);
}

/**
 * Runs `schema` on `value` and answers its output; the first problem becomes
 * `badInput(field + the issue's path, the issue's message)`.
 */
export function check<S extends z.ZodType>(field: string, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw badInput(pathOf(field, issue.path), issue.message);
}

/**
 * Checks a whole input object (`field` is usually `input`): for rules that
 * span fields, written as a `z.object` of these schemas with a
 * `.superRefine` that adds an issue at the field it is about
 * (`ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after startDate' })`).
 */
export function checkInput<S extends z.ZodObject>(field: string, schema: S, value: unknown): z.output<S> {
  return check(field, schema, value);
}

/** A refusal inside a transform: the issue carries `message` as the problem. */
function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

export interface TextOptions {
  /** The most characters the trimmed text may have; defaults to the edge's widest (2,000 on one line, 20,000 in prose). */
  max?: number;
  /**
   * Whether tab and line breaks are allowed. The field functions default it
   * by the field's name (prose — a description, note, rationale, reason… —
   * may span lines, anything else may not); a schema built without a field
   * name defaults to one line.
   */
  multiLine?: boolean;
}

/** An optional text: trimmed; absent or blank → null; control characters refused; at most `max` characters. */
export function text(options: TextOptions = {}) {
  const multiLine = options.multiLine ?? false;
  const max = options.max ?? (multiLine ? MULTI_LINE_MAX : SINGLE_LINE_MAX);
  return z
    .string({ error: 'must be text' })
    .transform((value, ctx) => {
      const problem = controlCharacterProblem(value, multiLine);
      if (problem) return refuse(ctx, problem);
      const trimmed = value.trim();
      if (trimmed.length > max) return refuse(ctx, `must be at most ${max} characters`);
      return trimmed === '' ? null : trimmed;
    })
    .nullish()
    .transform((value) => value ?? null);
}

/** A required text: as `text`, and not blank. */
export function requiredTextSchema(options: TextOptions = {}) {
  return text(options).pipe(z.string({ error: 'must not be empty' }));
}

/** A UUID in any letter case, answered in lower case. */
export const uuidSchema = z.unknown().transform((value, ctx) => {
  if (!isUuid(value)) return refuse(ctx, `must be a UUID, got ${excerpt(value)}`);
  return value.toLowerCase();
});

/** One of the allowed values, exactly. */
export function oneOfSchema<T extends string>(allowed: readonly T[]) {
  const listed = allowed.map((a) => `'${a}'`).join(', ');
  return z.unknown().transform((value, ctx) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      return refuse(ctx, `must be one of ${listed}, got ${excerpt(value)}`);
    }
    return value as T;
  });
}

export interface IntegerOptions {
  min: number;
  max?: number;
}

/** A whole number from `min` to `max` (inclusive; no upper bound when `max` is left out). */
export function integerSchema({ min, max }: IntegerOptions) {
  const error = max === undefined ? `must be a whole number of ${min} or more` : `must be a whole number from ${min} to ${max}`;
  return z.number({ error }).refine((n) => Number.isInteger(n) && n >= min && (max === undefined || n <= max), { error });
}

/** A calendar date `YYYY-MM-DD` that exists and lies in `range` (inclusive). */
export function dateSchema(range: DateRange) {
  return z.unknown().transform((value, ctx) => {
    const problem = dateProblem(value, range);
    return problem ? refuse(ctx, problem) : (value as string);
  });
}

export interface ListOptions {
  /** The most items the list may hold. */
  max: number;
  /** What the items are, for the message (`must hold at most 20 goals`); defaults to "items". */
  noun?: string;
}

/** A list of at most `max` items, each checked by `item` only once the length is right (a problem names the item by its index). */
export function listSchema<I extends z.ZodType>(item: I, options: ListOptions) {
  return z
    .array(z.unknown(), { error: 'must be a list' })
    .max(options.max, { error: `must hold at most ${options.max} ${options.noun ?? 'items'}` })
    .pipe(z.array(item));
}

/** A list of UUIDs: at most `max`, each lower-cased, duplicates dropped; null when absent. */
export function uuidListSchema(options: ListOptions) {
  return listSchema(uuidSchema, { noun: 'ids', ...options })
    .transform((ids) => [...new Set(ids)])
    .nullish()
    .transform((ids) => ids ?? null);
}

// The field functions build their schema from their options; the common ones are kept, not rebuilt per call.
const textSchemas = new Map<string, ReturnType<typeof text>>();
const requiredTextSchemas = new Map<string, ReturnType<typeof requiredTextSchema>>();
const listLengthSchemas = new Map<string, z.ZodType>();
const uuidListSchemas = new Map<string, ReturnType<typeof uuidListSchema>>();
const integerSchemas = new Map<string, ReturnType<typeof integerSchema>>();
const listKey = (options: ListOptions) => `${options.max}:${options.noun ?? ''}`;
function textOptionsOf(field: string, options: TextOptions): { key: string; options: TextOptions } {
  const multiLine = options.multiLine ?? isProseField(field);
  return { key: `${options.max ?? ''}:${multiLine}`, options: { max: options.max, multiLine } };
}
function kept<S>(cache: Map<string, S>, key: string, build: () => S): S {
  let schema = cache.get(key);
  if (!schema) {
    schema = build();
    cache.set(key, schema);
  }
  return schema;
}
const optionalUuidSchema = uuidSchema.nullish().transform((id) => id ?? null);

export function optionalText(field: string, value: string | null | undefined, options: TextOptions = {}): string | null {
  const { key, options: resolved } = textOptionsOf(field, options);
  return check(
    field,
    kept(textSchemas, key, () => text(resolved)),
    value,
  );
}

export function requiredText(field: string, value: string | null | undefined, options: TextOptions = {}): string {
  const { key, options: resolved } = textOptionsOf(field, options);
  return check(
    field,
    kept(requiredTextSchemas, key, () => requiredTextSchema(resolved)),
    value,
  );
}

export function uuid(field: string, value: string | null | undefined): string {
  return check(field, uuidSchema, value);
}

export function optionalUuid(field: string, value: string | null | undefined): string | null {
  return check(field, optionalUuidSchema, value);
}

/** A list of at most `max` items (absent counts as empty); the items themselves are not checked. */
export function listLength<T>(field: string, values: readonly T[] | null | undefined, options: ListOptions): readonly T[] {
  check(
    field,
    kept(listLengthSchemas, listKey(options), () => listSchema(z.unknown(), options).nullish()),
    values,
  );
  return values ?? [];
}

export function uuidList(field: string, values: readonly string[] | null | undefined, options: ListOptions): string[] | null {
  return check(
    field,
    kept(uuidListSchemas, listKey(options), () => uuidListSchema(options)),
    values,
  );
}

const oneOfSchemas = new WeakMap<readonly string[], z.ZodType<string>>();
export function oneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T {
  let schema = oneOfSchemas.get(allowed);
  if (!schema) {
    schema = oneOfSchema(allowed);
    oneOfSchemas.set(allowed, schema);
  }
  return check(field, schema, value) as T;
}

export function optionalOneOf<T extends string>(field: string, value: string | null | undefined, allowed: readonly T[]): T | null {
  return value === null || value === undefined ? null : oneOf(field, value, allowed);
}

export function integer(field: string, value: number | null | undefined, options: IntegerOptions): number {
  return check(
    field,
    kept(integerSchemas, `${options.min}:${options.max ?? ''}`, () => integerSchema(options)),
    value,
  );
}

export function optionalDate(field: string, value: string | null | undefined, range: DateRange): string | null {
  return value === null || value === undefined ? null : check(field, dateSchema(range), value);
}
