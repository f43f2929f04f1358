/**
 * Structured JSON logs, one object a line, written by pino: fast, maintained,
 * with redaction paths and error serializers. Callers pass identifiers
 * (request id, staff id, entity ids), never a client's personal data: a log
 * line is readable by operators who must not read case files. Two nets
 * catch what a caller passes by mistake: fields that hold client data
 * (`variables`, `input`, `body`, names, contact details, note text…) are
 * redacted wherever they appear, and errors go through `serializeError`,
 * which keeps the type, code and a message without the values a client sent.
 * A line written while a traced request runs carries its `traceId` and
 * `spanId`, so that an operator goes from a line to the whole trace.
 */
import { trace } from '@opentelemetry/api';
import pino from 'pino';
import { serializeError } from './log-errors';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Keys whose values are client data or secrets: never written, at the top of a line or one or two levels down. */
export const REDACTED_KEYS = [
  'variables',
  'input',
  'body',
  'query',
  'parameters',
  'detail',
  'firstName',
  'lastName',
  'preferredName',
  'displayName',
  'fullName',
  'dateOfBirth',
  'birthDate',
  'phone',
  'phoneNumber',
  'email',
  'address',
  'address1',
  'postalCode',
  'note',
  'notes',
  'text',
  'rationale',
  'reason',
  'authorization',
  'cookie',
  'token',
  'password',
  'secret',
] as const;

/** The active span's trace and span ids (none when tracing is off or nothing is traced). */
function traceFields(): Record<string, string> {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
export const REDACTED = '[redacted]';

function wrap(log: pino.Logger): Logger {
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
    child: (fields) => wrap(log.child(fields)),
  };
}

/**
 * A logger for `service` at `level`. Lines go to stdout, or to `write`
 * (one call a line, without its newline) when given: tests capture them so.
 */
export function createLogger(service: string, level: LogLevel = 'info', write?: (line: string) => void): Logger {
  const destination = write ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) } : undefined;
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    messageKey: 'message',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: traceFields,
    serializers: { err: (error: unknown) => serializeError(error) },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
  };
  return wrap(destination ? pino(options, destination) : pino(options));
}

/**
 * An error for a log line, under `err` (serialized by `serializeError`),
 * with the request id when the error carries one.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  const requestId = typeof error === 'object' && error !== null ? (error as { requestId?: unknown }).requestId : undefined;
  return { err: error, ...(typeof requestId === 'string' ? { requestId } : {}) };
}
