/**
 * How an error appears in a log line: its type, code and a message with the
 * values a client sent taken out, plus the stack frames of internal errors.
 * Validation and coercion messages echo what the client sent (`Variable
 * "$input" got invalid value "+44 7700 900123" at "input.phone"`), and
 * PostgreSQL's echo the rejected value (`invalid input syntax for type uuid:
 * "…"`); an operator reading the log needs the field and the reason, never
 * the value. Only named properties are kept: a driver error's `detail` and
 * `parameters` hold row values and never reach a log line.
 */
import { isAppError } from './errors';

export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  path?: string;
  field?: string;
  serviceName?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
}

const VALUE = '<value>';
/** Words after which a quoted token in a GraphQL or PostgreSQL message names part of the schema, not a value. */
const NAME_POSITION =
  /(?:^|[\s(])(?:[Vv]ariable|[Tt]ype|[Ff]ield|[Aa]rgument|[Ee]num|[Dd]irective|[Ii]nput|in|at|of|by|on|relation|constraint|column|table|index|schema|function|subgraph|service)\s$/;
/** What a schema name (type, field, variable, path) can look like; a value that happens to fit is still dropped if not in a name position. */
const NAME_SHAPE = /^[$A-Za-z_][\w$.[\]!]*$/;
const QUOTED = /"(?:[^"\\\n]|\\.)*"/g;

/** A message with every value a client could have sent replaced by `<value>`; schema names, paths and reasons stay. */
export function withoutValues(message: string): string {
  const quotedOut = message.replace(QUOTED, (token, offset: number) => {
    const before = message.slice(Math.max(0, offset - 24), offset);
    return NAME_POSITION.test(before) && NAME_SHAPE.test(token.slice(1, -1)) ? token : `"${VALUE}"`;
  });
  return (
    quotedOut
      // Unquoted values (numbers, lists, input objects) after the phrases graphql-js and PostgreSQL use to echo them.
      .replace(/(got invalid value )[\s\S]*?(?=(?: at "[\w$.[\]]+")?;|$)/g, `$1${VALUE}`)
      .replace(/(\bvalue: |\bfound )[^;]*?(?=;|\.?$)/g, `$1${VALUE}`)
      .replace(/(\bKey \()([^)]*)(\)=\()[\s\S]*?(\) )/g, `$1$2$3${VALUE}$4`)
  );
}

function stackFrames(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  // The first lines of a stack repeat the message, values and all: only the frames are kept.
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  return frames.length > 0 ? frames.join('\n') : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function pathText(value: unknown): string | undefined {
  return Array.isArray(value) ? value.join('.') : text(value);
}

function isGraphQLErrorLike(error: object): error is { extensions?: Record<string, unknown>; path?: unknown; originalError?: unknown } {
  return 'extensions' in error || 'originalError' in error;
}

/** Serializes anything thrown (an Error, a GraphQLError, the plain object a subgraph answered, a string) for a log line. */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (error === null || typeof error !== 'object') return { type: typeof error, message: withoutValues(String(error)) };
  const e = error as Record<string, unknown>;
  const extensions = (isGraphQLErrorLike(error) && typeof e.extensions === 'object' && e.extensions !== null ? e.extensions : {}) as Record<
    string,
    unknown
  >;
  const type = error instanceof Error ? error.constructor?.name || error.name : (text(e.name) ?? 'Object');
  const code =
    text(isAppError(error) ? error.code : extensions.code) ??
    (typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined);
  const out: LoggedError = { type, message: withoutValues(text(e.message) ?? String(error)) };
  if (code) out.code = code;
  const path = pathText(e.path);
  if (path) out.path = path;
  const field = text(extensions.field) ?? (isAppError(error) ? text(error.details.field) : undefined);
  if (field) out.field = field;
  const serviceName = text(extensions.serviceName);
  if (serviceName) out.serviceName = serviceName;
  for (const key of ['constraint', 'table', 'column'] as const) {
    const value = text(e[key]);
    if (value) out[key] = value;
  }
  // A domain error is expected behaviour: its code and message say it all. Anything else is a fault: where it happened matters.
  if (error instanceof Error && !isAppError(error) && !isGraphQLErrorLike(error)) {
    const stack = stackFrames(error.stack);
    if (stack) out.stack = stack;
  }
  const cause = e.originalError ?? e.cause;
  if (cause !== undefined && cause !== null && cause !== error && depth < 3) out.cause = serializeError(cause, depth + 1);
  return out;
}
