/**
 * Typed configuration read from the environment once, at start.
 *
 * Each app declares the settings it needs with the readers below; `loadConfig`
 * checks every one of them and throws a single `ConfigError` that lists every
 * problem, so that an operator fixes a deployment in one pass. `process.env` is
 * read nowhere else in the code base.
 */
export type Env = Record<string, string | undefined>;

export interface Setting<T> {
  read(name: string, env: Env): T;
  /** Marks a value that must never appear in logs or error messages. */
  secret?: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

class SettingError extends Error {}

function raw(name: string, env: Env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function required<T>(parse: (value: string, name: string) => T): (fallback?: T) => Setting<T> {
  return (fallback?: T) => ({
    read(name, env) {
      const value = raw(name, env);
      if (value === undefined) {
        if (fallback !== undefined) return fallback;
        throw new SettingError(`${name} is required`);
      }
      return parse(value, name);
    },
  });
}

function optional<T>(parse: (value: string, name: string) => T): () => Setting<T | undefined> {
  return () => ({
    read(name, env) {
      const value = raw(name, env);
      return value === undefined ? undefined : parse(value, name);
    },
  });
}

const parseString = (value: string) => value;

const parseInteger = (min: number, max: number) => (value: string, name: string) => {
  if (!/^-?\d+$/.test(value)) throw new SettingError(`${name} must be a whole number, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new SettingError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
};

const parseUrl = (value: string, name: string) => {
  try {
    new URL(value);
  } catch {
    throw new SettingError(`${name} must be a URL`);
  }
  return value;
};

const parseBoolean = (value: string, name: string) => {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new SettingError(`${name} must be true or false, got "${value}"`);
};

export const setting = {
  string: required(parseString),
  optionalString: optional(parseString),
  secret: (): Setting<string | undefined> => ({ ...optional(parseString)(), secret: true }),
  integer: (min: number, max: number, fallback?: number) => required(parseInteger(min, max))(fallback),
  port: (fallback?: number) => required(parseInteger(0, 65535))(fallback),
  url: required(parseUrl),
  optionalUrl: optional(parseUrl),
  boolean: required(parseBoolean),
  oneOf: <T extends string>(values: readonly T[], fallback?: T): Setting<T> =>
    required((value: string, name: string) => {
      if (!(values as readonly string[]).includes(value)) {
        throw new SettingError(`${name} must be one of ${values.join(', ')}, got "${value}"`);
      }
      return value as T;
    })(fallback),
};

export type Schema = Record<string, Setting<unknown>>;
export type ConfigOf<S extends Schema> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Cross-setting rules (e.g. "one of A or B is required"), run on the settings that parsed. */
export type ConfigCheck<S extends Schema> = (config: Partial<ConfigOf<S>>) => string[];

/** Reads every setting of `schema` from `env`; throws one ConfigError listing every problem. */
export function loadConfig<S extends Schema>(schema: S, env: Env = process.env, check?: ConfigCheck<S>): ConfigOf<S> {
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [name, reader] of Object.entries(schema)) {
    try {
      config[name] = reader.read(name, env);
    } catch (error) {
      if (!(error instanceof SettingError)) throw error;
      problems.push(error.message);
    }
  }
  problems.push(...(check?.(config as Partial<ConfigOf<S>>) ?? []));
  if (problems.length > 0) throw new ConfigError(problems);
  return config as ConfigOf<S>;
}

/** For a process entry point: load, or print every problem and exit 1. */
export function loadConfigOrExit<S extends Schema>(schema: S, check?: ConfigCheck<S>, env: Env = process.env): ConfigOf<S> {
  try {
    return loadConfig(schema, env, check);
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
