/**
 * The `Date` and `DateTime` scalars, defined identically in every subgraph.
 * `DateTime` is an ISO-8601 instant (a JS Date inside); `Date` is a calendar
 * date `YYYY-MM-DD` (a string inside, as PostgreSQL's `date` comes back).
 *
 * Coercion only asks for a string: whether it is a real date in a plausible
 * range is checked by the input normalisation (normalize-input.ts), which
 * knows the argument's path and so names the field in its BAD_USER_INPUT.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { badInput, isCalendarDate } from '@caseflow/core';

export { isCalendarDate };

function asString(type: string) {
  return (value: unknown): string => {
    if (typeof value !== 'string') throw badInput(type, 'must be given as a string');
    return value;
  };
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: asString('Date'),
  parseLiteral: (ast) => asString('Date')(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with a time zone, e.g. 2026-11-23T14:30:00Z.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: asString('DateTime'),
  parseLiteral: (ast) => asString('DateTime')(ast.kind === Kind.STRING ? ast.value : undefined),
});
