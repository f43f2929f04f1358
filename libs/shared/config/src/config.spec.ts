import { ConfigError, loadConfig, setting } from './config';

const schema = {
  PORT: setting.port(4001),
  DATABASE_URL: setting.optionalUrl(),
  NODE_ENV: setting.oneOf(['development', 'production', 'test'] as const, 'development'),
  POOL_MAX: setting.integer(1, 100, 10),
  ISSUER: setting.string(),
};

describe('loadConfig', () => {
  it('applies defaults and parses typed values', () => {
    const config = loadConfig(schema, { ISSUER: 'caseflow', POOL_MAX: '20' });
    expect(config).toEqual({
      PORT: 4001,
      DATABASE_URL: undefined,
      NODE_ENV: 'development',
      POOL_MAX: 20,
      ISSUER: 'caseflow',
    });
  });

  it('lists every problem at once, naming each setting', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { PORT: 'eighty', DATABASE_URL: 'not a url', NODE_ENV: 'staging', POOL_MAX: '0' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'PORT must be a whole number, got "eighty"',
      'DATABASE_URL must be a URL',
      'NODE_ENV must be one of development, production, test, got "staging"',
      'POOL_MAX must be between 1 and 100, got 0',
      'ISSUER is required',
    ]);
  });

  it('adds cross-setting problems to the same list', () => {
    const check = (c: { DATABASE_URL?: string; PORT?: number }) => (c.DATABASE_URL ? [] : ['DATABASE_URL is required when no embedded database is used']);
    expect(() => loadConfig(schema, { PORT: 'x', ISSUER: 'i' }, check)).toThrow(
      new ConfigError(['PORT must be a whole number, got "x"', 'DATABASE_URL is required when no embedded database is used']),
    );
  });

  it('treats blank values as unset', () => {
    expect(loadConfig(schema, { ISSUER: 'x', PORT: '  ' }).PORT).toBe(4001);
  });

  it('never echoes a secret value in a problem', () => {
    const secrets = { KEY: setting.secret(), PORT: setting.port() };
    expect(() => loadConfig(secrets, { KEY: 'hunter2' })).toThrow('PORT is required');
    expect(loadConfig(secrets, { KEY: 'hunter2', PORT: '1' }).KEY).toBe('hunter2');
  });
});
