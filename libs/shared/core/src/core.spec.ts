import { AppError, badInput, forbidden, isAppError } from './errors';
import { createLogger, errorFields } from './logger';

describe('errors', () => {
  it('carry a stable code, a message for the caller and the field at fault', () => {
    const error = badInput('input.dateOfBirth', 'must be in the past');
    expect(error).toBeInstanceOf(AppError);
    expect({ code: error.code, message: error.message, details: error.details }).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'input.dateOfBirth must be in the past',
      details: { field: 'input.dateOfBirth' },
    });
    expect(isAppError(forbidden())).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
  });
});

describe('logger', () => {
  it('writes one JSON object a line with the service, level and fields of its children', () => {
    const lines: string[] = [];
    const logger = createLogger('clients', 'info', (line) => lines.push(line)).child({ requestId: 'r1' });
    logger.debug('hidden below the level');
    logger.warn('slow query', { ms: 1200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ time: expect.any(String), level: 'warn', service: 'clients', message: 'slow query', requestId: 'r1', ms: 1200 });
  });

  it('writes nothing when silent', () => {
    const lines: string[] = [];
    createLogger('x', 'silent', (line) => lines.push(line)).error('boom');
    expect(lines).toEqual([]);
  });

  it('describes an error by name, message and stack only', () => {
    const fields = errorFields(new TypeError('bad'));
    expect(Object.keys(fields).sort()).toEqual(['error', 'errorMessage', 'stack']);
    expect(fields.error).toBe('TypeError');
    expect(errorFields('text')).toEqual({ error: 'text' });
  });
});
