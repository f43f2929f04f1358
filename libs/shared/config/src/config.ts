/**
 * Typed configuration read from the environment once, at start.
 *
 * Each process declares its settings as a zod schema — usually
 * `z.object({ PORT: setting.port(4001), ... })`, keyed by environment variable —
 * and gets back the schema's output type, with no casts. `loadConfig` reads
 * every setting and throws a single `ConfigError` that lists every problem, each
 * naming its variable, so that an operator fixes a deployment in one pass.
 * Blank values count as unset. No problem ever echoes a secret or a URL (URLs
 * carry passwords). `process.env` is read nowhere else in the code base.
 */
import { z } from 'zod';

export type Env = Record<string, string | undefined>;

/**
 * Where a setting is read from when its key is not its variable's name: one
 * variable (`{ PORT: 'CLIENTS_PORT' }`), or the first set of several
 * (`{ DATABASE_URL: ['CLIENTS_DATABASE_URL', 'DATABASE_URL'] }`). Problems
 * name the variable that was read, or all of them when none was set.
 */
export type EnvNames = Record<string, string | readonly string[]>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const REQUIRED = 'is required';

/** At most 32 characters of a value read, for a problem that quotes it. */
function excerpt(value: string): string {
  return value.length > 32 ? `${value.slice(0, 31)}…` : value;
}

/**
 * "is required" when unset, otherwise `invalid`, given an excerpt of the value
 * read (only quoted where it cannot be a secret or a URL).
 */
function unsetOr(invalid: string | ((value: string) => string)) {
  return (issue: { input?: unknown }) => {
    if (issue.input === undefined) return REQUIRED;
    return typeof invalid === 'string' ? invalid : invalid(excerpt(String(issue.input)));
  };
}

/** A required setting, or `fallback` when unset. */
function orDefault<T extends z.ZodType>(schema: T, fallback?: z.util.NoUndefined<z.output<T>>) {
  return fallback === undefined ? schema : schema.default(fallback);
}

const text = z.string({ error: unsetOr('must be text') });

const url = z.url({ error: unsetOr('must be a URL') });

function integer(min: number, max: number) {
  return z
    .string({ error: unsetOr('must be a whole number') })
    .regex(/^-?\d+$/, { error: unsetOr((value) => `must be a whole number, got "${value}"`) })
    .transform(Number)
    .pipe(
      z.number().refine((n) => n >= min && n <= max, { error: (issue) => `must be between ${min} and ${max}, got ${String(issue.input)}` }),
    );
}

/** One URL, or several separated by commas (the replicas of one service), each checked. */
const urlList = text.transform((value, ctx) => {
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.findIndex((entry) => !url.safeParse(entry).success);
  if (bad === -1) return entries;
  ctx.addIssue({
    code: 'custom',
    message: entries.length === 1 ? 'must be a URL' : `must be URLs separated by commas (one per replica); entry ${bad + 1} is not a URL`,
  });
  return z.NEVER;
});

const BOOLEAN = { truthy: ['1', 'true', 'yes', 'on'], falsy: ['0', 'false', 'no', 'off'] };

/** The readers a process builds its schema from; each reads one variable (a string, or undefined when unset). */
export const setting = {
  string: (fallback?: string) => orDefault(text, fallback),
  optionalString: () => text.optional(),
  /** A required value that never appears in a problem (nor, by the logger's redaction, in logs). */
  secret: () => z.string({ error: REQUIRED }),
  /** A whole number in [min, max]. */
  integer: (min: number, max: number, fallback?: number) => orDefault(integer(min, max), fallback),
  /** A whole number in [1, max]. */
  positiveInteger: (max: number, fallback?: number) => orDefault(integer(1, max), fallback),
  /** A duration in whole milliseconds, in [min, max]. */
  durationMs: (min: number, max: number, fallback?: number) => orDefault(integer(min, max), fallback),
  port: (fallback?: number) => orDefault(integer(0, 65535), fallback),
  url: (fallback?: string) => orDefault(url, fallback),
  optionalUrl: () => url.optional(),
  /** One URL or a comma-separated list of them (a service's replicas), read as a list. */
  urls: (fallback?: string) => (fallback === undefined ? urlList : text.default(fallback).pipe(urlList)),
  /** 1/true/yes/on or 0/false/no/off, any case. */
  boolean: (fallback?: boolean) => {
    const error = unsetOr((value) => `must be true or false, got "${value}"`);
    return orDefault(z.stringbool({ ...BOOLEAN, case: 'insensitive', error }), fallback);
  },
  oneOf: <const T extends readonly [string, ...string[]]>(values: T, fallback?: T[number]) => {
    const error = unsetOr((value) => `must be one of ${values.join(', ')}, got "${value}"`);
    return orDefault(z.enum(values, { error }), fallback);
  },
};

/**
 * Options for a rule across settings, e.g.
 * `.refine((c) => c.A || c.B, acrossSettings('A or B is required'))`. Zod skips
 * an object's refinements once one of its fields failed; this one runs anyway,
 * on what was read, so that its problem is listed with every other.
 */
export function acrossSettings(message: string) {
  return { message, when: () => true };
}

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** Reads `schema` from `env`; throws one ConfigError listing every problem. */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env, names: EnvNames = {}): z.output<S> {
  const input: Env = {};
  for (const name of Object.keys(env)) input[name] = read(env, name);
  const labels: Record<string, string> = {};
  for (const [key, from] of Object.entries(names)) {
    const candidates: readonly string[] = typeof from === 'string' ? [from] : from;
    const found = candidates.find((name) => input[name] !== undefined);
    input[key] = found === undefined ? undefined : input[found];
    labels[key] = found ?? candidates.join(' or ');
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      if (issue.path.length === 0) return issue.message;
      const [key, ...rest] = issue.path.map(String);
      return `${[labels[key] ?? key, ...rest].join('.')} ${issue.message}`;
    }),
  );
}

/** For a process entry point: load, or print every problem and exit 1. */
export function loadConfigOrExit<S extends z.ZodType>(schema: S, names: EnvNames = {}, env: Env = process.env): z.output<S> {
  try {
    return loadConfig(schema, env, names);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The process environment, for entry points only (keeps `process.env` reads in this one library). */
export function processEnv(): Env {
  return process.env;
}
