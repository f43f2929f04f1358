import type { HsdsField } from './package';
import { rowProblem, rowWarning } from './row-checks';
import { cellProblem, jsonValue, utcOffsetHours } from './values';

const field = (overrides: Partial<HsdsField>): HsdsField => ({
  name: 'f',
  type: 'string',
  format: null,
  required: false,
  enum: null,
  ...overrides,
});

describe('HSDS cell checks', () => {
  it('checks required cells, enumerations, types and formats', () => {
    expect(cellProblem(field({ required: true }), '')).toBe('is required');
    expect(cellProblem(field({}), '')).toBeNull();
    expect(cellProblem(field({ enum: ['active', 'inactive'] }), 'open')).toBe('must be one of active, inactive');
    expect(cellProblem(field({ type: 'number' }), '12.5')).toBeNull();
    expect(cellProblem(field({ type: 'number' }), 'twelve')).toBe('must be a number');
    expect(cellProblem(field({ type: 'date' }), '2026-02-29')).toBe('must be a date YYYY-MM-DD');
    expect(cellProblem(field({ type: 'time' }), '10:00:00')).toBeNull();
    expect(cellProblem(field({ type: 'time' }), '25:00')).toBe('must be a time HH:MM:SS');
    expect(cellProblem(field({ type: 'datetime' }), '2023-03-15T10:30:45.123Z')).toBeNull();
    expect(cellProblem(field({ format: 'uuid' }), 'abc')).toBe('must be a UUID');
    expect(cellProblem(field({ format: 'email' }), 'someone@example.org')).toBeNull();
    expect(cellProblem(field({ format: 'uri' }), 'example.org')).toBe('must be an absolute URI');
  });

  it('checks the rules of a row across its fields', () => {
    expect(rowProblem('service', { minimum_age: '18', maximum_age: '12' })).toEqual({
      field: 'maximum_age',
      problem: 'must not be less than minimum_age',
    });
    expect(rowProblem('schedule', { id: 'x' })).toEqual({
      field: 'service_id',
      problem: 'a schedule needs a service_id, location_id or service_at_location_id',
    });
    expect(rowProblem('schedule', { service_id: 'x', byday: '1MO,-1FR', bymonthday: '1,-1', timezone: '-4' })).toBeNull();
    expect(rowProblem('address', { country: 'Canada' })).toEqual({
      field: 'country',
      problem: 'must be an ISO 3166-1 alpha-2 code, e.g. CA',
    });
    expect(rowProblem('language', { service_id: 'x' })).toEqual({ field: 'name', problem: 'a language needs a name or a code' });
    expect(rowWarning('location', { latitude: '100', longitude: '101' })).toMatch(/out of range/);
    expect(rowWarning('location', { latitude: '44.6', longitude: '-63.5' })).toBeNull();
  });

  it('gives numbers as numbers and an IANA zone as its UTC offset at the time', () => {
    const timezone = field({ name: 'timezone', type: 'number' });
    expect(jsonValue(timezone, '3', new Date())).toBe(3);
    expect(jsonValue(timezone, 'America/Halifax', new Date('2026-11-23T12:00:00Z'))).toBe(-4);
    expect(jsonValue(timezone, 'America/Halifax', new Date('2026-07-01T12:00:00Z'))).toBe(-3);
    expect(jsonValue(field({}), null, new Date())).toBeUndefined();
    expect(jsonValue(field({ type: 'number' }), 'x', new Date())).toBeUndefined();
    expect(utcOffsetHours('Asia/Kolkata', new Date('2026-01-01T00:00:00Z'))).toBe(5.5);
    expect(utcOffsetHours('UTC', new Date())).toBe(0);
  });
});
