import { z } from 'zod';
import { configProblemsOf } from '@caseflow/testing';
import { acrossSettings, loadConfig, setting } from './config';

const schema = z.object({
  PORT: setting.port(4001),
  DATABASE_URL: setting.optionalUrl(),
  NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
  POOL_MAX: setting.integer(1, 100, 10),
  TIMEOUT_MS: setting.durationMs(100, 60_000, 2000),
  WORKERS: setting.positiveInteger(8, 2),
  TRUST_PROXY: setting.boolean(false),
  ISSUER: setting.string(),
});

// Compile-time checks: the loaded configuration is typed from the schema.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}
type Loaded = ReturnType<typeof loadConfig<typeof schema>>;
assertType<Equals<Loaded['PORT'], number>>();
assertType<Equals<Loaded['DATABASE_URL'], string | undefined>>();
assertType<Equals<Loaded['NODE_ENV'], 'development' | 'production' | 'test'>>();
assertType<Equals<Loaded['TRUST_PROXY'], boolean>>();
assertType<Equals<Loaded['ISSUER'], string>>();
assertType<Equals<ReturnType<typeof loadConfig<z.ZodObject<{ KEY: ReturnType<typeof setting.secret> }>>>['KEY'], string>>();

describe('loadConfig', () => {
  it('applies defaults and parses typed values', () => {
    const config = loadConfig(schema, { ISSUER: 'caseflow', POOL_MAX: '20', TRUST_PROXY: 'Yes', UNRELATED: 'x' });
    expect(config).toEqual({
      PORT: 4001,
      DATABASE_URL: undefined,
      NODE_ENV: 'development',
      POOL_MAX: 20,
      TIMEOUT_MS: 2000,
      WORKERS: 2,
      TRUST_PROXY: true,
      ISSUER: 'caseflow',
    });
  });

  it('reads every kind of value', () => {
    const config = loadConfig(schema, {
      PORT: '0',
      DATABASE_URL: 'postgres://caseflow@localhost:5432/caseflow',
      NODE_ENV: 'production',
      POOL_MAX: '100',
      TIMEOUT_MS: '100',
      WORKERS: '8',
      TRUST_PROXY: 'off',
      ISSUER: ' caseflow ',
    });
    expect(config).toEqual({
      PORT: 0,
      DATABASE_URL: 'postgres://caseflow@localhost:5432/caseflow',
      NODE_ENV: 'production',
      POOL_MAX: 100,
      TIMEOUT_MS: 100,
      WORKERS: 8,
      TRUST_PROXY: false,
      ISSUER: 'caseflow',
    });
  });

  it('lists every problem at once, naming each setting', () => {
    const problems = configProblemsOf(() =>
      loadConfig(schema, {
        PORT: 'eighty',
        DATABASE_URL: 'not a url',
        NODE_ENV: 'staging',
        POOL_MAX: '0',
        TIMEOUT_MS: '1.5',
        WORKERS: '9',
        TRUST_PROXY: 'maybe',
      }),
    );
    expect(problems).toEqual([
      'PORT must be a whole number, got "eighty"',
      'DATABASE_URL must be a URL',
      'NODE_ENV must be one of development, production, test, got "staging"',
      'POOL_MAX must be between 1 and 100, got 0',
      'TIMEOUT_MS must be a whole number, got "1.5"',
      'WORKERS must be between 1 and 8, got 9',
      'TRUST_PROXY must be true or false, got "maybe"',
      'ISSUER is required',
    ]);
  });

  it('adds rules across settings to the same list, even when another setting is wrong', () => {
    const withRule = schema.refine(
      (c) => c.DATABASE_URL !== undefined,
      acrossSettings('DATABASE_URL is required when no embedded database is used'),
    );
    expect(configProblemsOf(() => loadConfig(withRule, { PORT: 'x', ISSUER: 'i' }))).toEqual([
      'PORT must be a whole number, got "x"',
      'DATABASE_URL is required when no embedded database is used',
    ]);
    expect(loadConfig(withRule, { ISSUER: 'i', DATABASE_URL: 'postgres://localhost/caseflow' }).DATABASE_URL).toBe(
      'postgres://localhost/caseflow',
    );
  });

  it('quotes at most a short excerpt of a wrong value', () => {
    const problems = configProblemsOf(() => loadConfig(schema, { ISSUER: 'i', NODE_ENV: `prod${'x'.repeat(200)}` }));
    expect(problems).toEqual([`NODE_ENV must be one of development, production, test, got "prod${'x'.repeat(27)}…"`]);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig(schema, { ISSUER: 'x', PORT: '  ' }).PORT).toBe(4001);
    expect(configProblemsOf(() => loadConfig(schema, { ISSUER: ' ' }))).toEqual(['ISSUER is required']);
  });

  it('never echoes a secret value or a URL (which may carry a password) in a problem', () => {
    const secrets = z.object({ KEY: setting.secret(), PORT: setting.port(), TARGET: setting.url() });
    const problems = configProblemsOf(() => loadConfig(secrets, { KEY: 'hunter2', TARGET: 'postgres//caseflow:hunter3@db' }));
    expect(problems).toEqual(['PORT is required', 'TARGET must be a URL']);
    expect(problems.join('\n')).not.toMatch(/hunter/);
    expect(configProblemsOf(() => loadConfig(secrets, { PORT: '1', TARGET: 'http://localhost' }))).toEqual(['KEY is required']);
    expect(loadConfig(secrets, { KEY: 'hunter2', PORT: '1', TARGET: 'http://localhost' }).KEY).toBe('hunter2');
  });

  it('reads a list of URLs (one per replica), naming the entry that is not a URL and never echoing it', () => {
    const replicas = z.object({ CLIENTS_URL: setting.urls('http://127.0.0.1:4001') });
    expect(loadConfig(replicas, {}).CLIENTS_URL).toEqual(['http://127.0.0.1:4001']);
    expect(loadConfig(replicas, { CLIENTS_URL: 'http://a:4001, http://b:4001' }).CLIENTS_URL).toEqual(['http://a:4001', 'http://b:4001']);
    expect(configProblemsOf(() => loadConfig(replicas, { CLIENTS_URL: 'http://a:4001,,http://b:4001' }))).toEqual([
      'CLIENTS_URL must be URLs separated by commas (one per replica); entry 2 is not a URL',
    ]);
    const problems = configProblemsOf(() => loadConfig(replicas, { CLIENTS_URL: 'hunter2@nowhere' }));
    expect(problems).toEqual(['CLIENTS_URL must be a URL']);
  });

  it('reads a setting from another variable, or the first set of several, naming the one read', () => {
    const named = z.object({ PORT: setting.port(4001), DATABASE_URL: setting.url() });
    const names = { PORT: 'CLIENTS_PORT', DATABASE_URL: ['CLIENTS_DATABASE_URL', 'DATABASE_URL'] };
    expect(loadConfig(named, { CLIENTS_PORT: '5001', DATABASE_URL: 'postgres://shared/db', PORT: '9' }, names)).toEqual({
      PORT: 5001,
      DATABASE_URL: 'postgres://shared/db',
    });
    expect(loadConfig(named, { CLIENTS_DATABASE_URL: 'postgres://own/db', DATABASE_URL: 'postgres://shared/db' }, names).DATABASE_URL).toBe(
      'postgres://own/db',
    );
    expect(configProblemsOf(() => loadConfig(named, { CLIENTS_PORT: 'x', PORT: '9' }, names))).toEqual([
      'CLIENTS_PORT must be a whole number, got "x"',
      'CLIENTS_DATABASE_URL or DATABASE_URL is required',
    ]);
    expect(configProblemsOf(() => loadConfig(named, { CLIENTS_DATABASE_URL: ' ', DATABASE_URL: 'nope' }, names))).toEqual([
      'DATABASE_URL must be a URL',
    ]);
  });
});
