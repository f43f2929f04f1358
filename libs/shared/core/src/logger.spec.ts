import { buildSchema, graphql, GraphQLError } from 'graphql';
import { AppError, badInput } from './errors';
import { withoutValues } from './log-errors';
import { createLogger, errorFields } from './logger';

function capture(level: Parameters<typeof createLogger>[1] = 'info') {
  const lines: string[] = [];
  const logger = createLogger('clients', level, (line) => lines.push(line));
  return { logger, lines, json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const PHONE = '+44 7700 900123';

describe('logger', () => {
  it('writes one JSON object a line with the time, level, service, message and the fields of its children', () => {
    const { logger, lines, json } = capture();
    logger.child({ requestId: 'r1' }).debug('hidden below the level');
    logger.child({ requestId: 'r1' }).warn('slow query', { ms: 1200 });
    expect(lines).toHaveLength(1);
    expect(json()[0]).toEqual({
      time: expect.any(String),
      level: 'warn',
      service: 'clients',
      message: 'slow query',
      requestId: 'r1',
      ms: 1200,
    });
    expect(Number.isNaN(Date.parse(json()[0].time as string))).toBe(false);
  });

  it('writes nothing when silent', () => {
    const { logger, lines } = capture('silent');
    logger.error('boom');
    expect(lines).toEqual([]);
  });

  it('logs an internal error with its type, message, code and stack frames', () => {
    const { logger, json } = capture();
    const error = Object.assign(new TypeError('pool exhausted'), { code: 'ECONNRESET' });
    logger.error('request failed', { requestId: 'r2', ...errorFields(error) });
    const [line] = json();
    expect(line).toMatchObject({ requestId: 'r2', err: { type: 'TypeError', message: 'pool exhausted', code: 'ECONNRESET' } });
    expect((line.err as { stack: string }).stack).toMatch(/^\s+at /);
  });

  it('logs a domain error with its code, message and field, and no stack', () => {
    const { logger, json } = capture();
    logger.warn('refused', errorFields(badInput('after', 'is not a cursor this list issued')));
    expect(json()[0].err).toEqual({
      type: 'AppError',
      code: 'BAD_USER_INPUT',
      field: 'after',
      message: 'after is not a cursor this list issued',
    });
  });

  it('logs the plain object a subgraph answered with its message and code, never [object Object]', () => {
    const { logger, lines, json } = capture();
    const fromSubgraph = new GraphQLError('Only case managers and supervisors may list clients', {
      path: ['clients'],
      extensions: { code: 'FORBIDDEN', serviceName: 'clients' },
      originalError: {
        message: 'Only case managers and supervisors may list clients',
        extensions: { code: 'FORBIDDEN' },
      } as unknown as Error,
    });
    logger.warn('request error', { requestId: 'r3', ...errorFields(fromSubgraph) });
    expect(lines[0]).not.toContain('[object Object]');
    expect(json()[0].err).toEqual({
      type: 'GraphQLError',
      message: 'Only case managers and supervisors may list clients',
      code: 'FORBIDDEN',
      path: 'clients',
      serviceName: 'clients',
      cause: { type: 'Object', message: 'Only case managers and supervisors may list clients', code: 'FORBIDDEN' },
    });
  });

  it('redacts fields that hold client data wherever a caller puts them', () => {
    const { logger, lines } = capture();
    logger.info('request', {
      requestId: 'r4',
      variables: { input: { phone: PHONE } },
      input: { firstName: 'Zélie' },
      client: { dateOfBirth: '1990-04-01', email: 'zelie@example.org', note: 'sleeps at her sister' },
      body: 'raw request',
    });
    const line = lines[0];
    for (const secret of [PHONE, 'Zélie', '1990-04-01', 'zelie@example.org', 'sleeps at her sister', 'raw request'])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      requestId: 'r4',
      variables: '[redacted]',
      input: '[redacted]',
      client: { dateOfBirth: '[redacted]', email: '[redacted]', note: '[redacted]' },
    });
  });

  it('logs a GraphQL coercion error with its code and field but not the phone number the client sent', async () => {
    const schema = buildSchema('input ClientInput { phone: Int } type Query { clients(input: ClientInput): Int }');
    const result = await graphql({
      schema,
      source: 'query($input: ClientInput) { clients(input: $input) }',
      variableValues: { input: { phone: PHONE } },
    });
    const [coercion] = result.errors ?? [];
    expect(coercion.message).toContain(PHONE);
    const { logger, lines, json } = capture();
    logger.warn('request error', {
      requestId: 'r5',
      ...errorFields(new GraphQLError(coercion.message, { extensions: { code: 'BAD_USER_INPUT' } })),
    });
    expect(lines[0]).not.toContain(PHONE);
    expect(lines[0]).not.toContain('7700');
    expect(json()[0].err).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('"$input" got invalid value <value> at "input.phone"'),
    });
  });

  it('keeps a PostgreSQL error code and constraint but drops the row values of its detail and parameters', () => {
    const { logger, lines, json } = capture();
    const failed = Object.assign(new Error('invalid input syntax for type uuid: "zelie@example.org"'), {
      code: '22P02',
      detail: 'Key (email)=(zelie@example.org) already exists.',
      parameters: ['zelie@example.org'],
      constraint: 'client_email_key',
    });
    logger.error('request failed', errorFields(failed));
    expect(lines[0]).not.toContain('zelie');
    expect(json()[0].err).toMatchObject({
      code: '22P02',
      constraint: 'client_email_key',
      message: 'invalid input syntax for type uuid: "<value>"',
    });
  });
});

describe('withoutValues', () => {
  it.each([
    [
      'Variable "$id" got invalid value "abc"; Int cannot represent non-integer value: "abc"',
      'Variable "$id" got invalid value <value>; Int cannot represent non-integer value: <value>',
    ],
    [
      'Variable "$n" got invalid value 7700900123.5; Int cannot represent non-integer value: 7700900123.5',
      'Variable "$n" got invalid value <value>; Int cannot represent non-integer value: <value>',
    ],
    [
      'Variable "$input" got invalid value { phone: "a;b" } at "input"; Field "phone" is not defined by type "ClientInput".',
      'Variable "$input" got invalid value <value> at "input"; Field "phone" is not defined by type "ClientInput".',
    ],
    [
      'Expected value of type "Int!", found "Zélie"; Int cannot represent non-integer value: "Zélie"',
      'Expected value of type "Int!", found <value>; Int cannot represent non-integer value: <value>',
    ],
    ['Value "Zelie" does not exist in "ClientStatus" enum.', 'Value "<value>" does not exist in "ClientStatus" enum.'],
    ['duplicate key value violates unique constraint "client_pkey"', 'duplicate key value violates unique constraint "client_pkey"'],
    ['Client 7c9e6679-7425-40de-944b-e07fc1f90ae7 was not found', 'Client 7c9e6679-7425-40de-944b-e07fc1f90ae7 was not found'],
  ])('%s', (message, expected) => {
    expect(withoutValues(message)).toBe(expected);
  });

  it('leaves a domain message alone', () => {
    expect(withoutValues(new AppError('NOT_FOUND', 'first must be at most 100').message)).toBe('first must be at most 100');
  });
});
