/**
 * One input normalisation at the edge of every subgraph: before any resolver
 * runs, each argument is walked along its GraphQL type, and
 *
 * - every `ID` must be a UUID and is lower-cased (keys are stored in lower
 *   case, so a write by an upper-case copy can never miss its own row);
 * - every `String` is refused when it holds NUL or other control characters
 *   (tab and line breaks are allowed in multi-line fields: bodies,
 *   descriptions, notes, rationales, reasons) or is absurdly long;
 * - every `Date` must exist in the calendar and every `DateTime` be a real
 *   ISO-8601 instant, each within the range its meaning allows (DATE_RANGES).
 *
 * A refusal is a BAD_USER_INPUT naming the field by its path
 * (`input.keyDates[0].date`), and it happens before any work, so nothing is
 * written. Services keep their own, narrower rules.
 */
import {
  type GraphQLArgument,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  defaultFieldResolver,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { type DateRange, checkDate, checkInstant, checkText, isProseField, normalizeUuid, yearsFrom } from '@caseflow/core';

type RangeOf = (now: Date) => DateRange;

const EARLIEST = '1900-01-01';

/**
 * The plausible dates for each meaning, by field name:
 * - a birth date lies between 1900 and today;
 * - key dates, deadlines, follow-ups, schedules and expiries lie within ten
 *   years of today, either way (anything further is a typing slip);
 * - anything else (when a note was taken, a consent signed, a period asked
 *   for) lies between 1900 and ten years ahead. Finer rules (a note not
 *   before the client's intake year) are the services'.
 */
export const DATE_RANGES: { birth: RangeOf; deadline: RangeOf; other: RangeOf } = {
  birth: (now) => ({ min: EARLIEST, max: yearsFrom(now, 0), meaning: `between ${EARLIEST} and today` }),
  deadline: (now) => ({ min: yearsFrom(now, -10), max: yearsFrom(now, 10), meaning: 'within ten years of today' }),
  other: (now) => ({ min: EARLIEST, max: yearsFrom(now, 10), meaning: `between ${EARLIEST} and ten years from today` }),
};

const BIRTH = /^(dateOfBirth|birthDate)$/;
const DEADLINE = /^(date|at|respondBy|followUpAt|dueDate|byWhen|targetDate|validFrom|validTo|expiresAt|openAt)$/;

function rangeFor(name: string, now: Date): DateRange {
  if (BIRTH.test(name)) return DATE_RANGES.birth(now);
  if (DEADLINE.test(name)) return DATE_RANGES.deadline(now);
  return DATE_RANGES.other(now);
}

function normalizeValue(type: GraphQLInputType, value: unknown, path: string, name: string, now: Date): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return normalizeValue(type.ofType, value, path, name, now);
  if (isListType(type)) {
    return Array.isArray(value) ? value.map((item, i) => normalizeValue(type.ofType, item, `${path}[${i}]`, name, now)) : value;
  }
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      if (fieldName in out) out[fieldName] = normalizeValue(field.type, out[fieldName], `${path}.${fieldName}`, fieldName, now);
    }
    return out;
  }
  if (!isScalarType(type)) return value;
  switch (type.name) {
    case 'ID':
      return normalizeUuid(value, path);
    case 'String':
      return checkText(value, path, isProseField(name));
    case 'Date':
      return checkDate(value, path, rangeFor(name, now));
    case 'DateTime':
      return value instanceof Date ? value : checkInstant(value, path, rangeFor(name, now));
    default:
      return value;
  }
}

/** The arguments of one field, normalised (a new object; refusals throw a field-named BAD_USER_INPUT). */
export function normalizeArgs(
  definitions: readonly GraphQLArgument[],
  args: Record<string, unknown>,
  now = new Date(),
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...args };
  for (const arg of definitions) {
    if (arg.name in out) out[arg.name] = normalizeValue(arg.type, out[arg.name], arg.name, arg.name, now);
  }
  return out;
}

type ResolverMap = Record<string, Record<string, unknown> | unknown>;

/**
 * Wraps the resolver of every field that takes arguments so that it receives
 * them normalised. Fields without arguments are left as they are (no cost on
 * the hot path of reading rows).
 */
export function withNormalizedInput(schema: GraphQLSchema, resolvers: ResolverMap): ResolverMap {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    const fieldsWithArgs = Object.values(type.getFields()).filter((f) => f.args.length > 0);
    if (fieldsWithArgs.length === 0) continue;
    const map = { ...((resolvers[type.name] as Record<string, unknown> | undefined) ?? {}) };
    for (const field of fieldsWithArgs) {
      const resolve = (map[field.name] as GraphQLFieldResolver<unknown, unknown> | undefined) ?? defaultFieldResolver;
      const definitions = field.args;
      map[field.name] = ((source, args, context, info) =>
        resolve(source, normalizeArgs(definitions, args as Record<string, unknown>), context, info)) as GraphQLFieldResolver<
        unknown,
        unknown
      >;
    }
    resolvers[type.name] = map;
  }
  return resolvers;
}
