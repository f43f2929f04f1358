import { optionalDate, requiredText } from '@caseflow/core';
import {
  coordinates,
  LIMITS,
  optionalByDay,
  optionalByMonthDay,
  optionalClock,
  optionalEmail,
  optionalTimezone,
  optionalUrl,
  requiredPhoneNumber,
  SCHEDULE_DATES,
} from './fields.rules';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string; details: { field: string } }).code === 'BAD_USER_INPUT'
      ? (error as { details: { field: string } }).details.field
      : 'other error';
  }
  return null;
};

describe('directory edit checks', () => {
  it('trims text, treats blank as none and refuses blank required text or text over the limit', () => {
    expect(requiredText('input.name', '  Pantry  ', { max: LIMITS.name })).toBe('Pantry');
    expect(fieldOf(() => requiredText('input.name', '   ', { max: LIMITS.name }))).toBe('input.name');
    expect(fieldOf(() => requiredText('input.name', 'x'.repeat(201), { max: LIMITS.name }))).toBe('input.name');
  });

  it('accepts http(s) URLs and email addresses and refuses others', () => {
    expect(optionalUrl('input.url', 'https://food.example/pantry')).toBe('https://food.example/pantry');
    expect(fieldOf(() => optionalUrl('input.url', 'food.example'))).toBe('input.url');
    expect(fieldOf(() => optionalUrl('input.url', 'javascript:alert(1)'))).toBe('input.url');
    expect(optionalEmail('input.email', ' intake@food.example ')).toBe('intake@food.example');
    expect(fieldOf(() => optionalEmail('input.email', 'intake@'))).toBe('input.email');
  });

  it('accepts phone numbers of 7 to 15 digits with the usual punctuation', () => {
    expect(requiredPhoneNumber('input.number', '+1 (902) 555-0123')).toBe('+1 (902) 555-0123');
    expect(fieldOf(() => requiredPhoneNumber('input.number', '555-01'))).toBe('input.number');
    expect(fieldOf(() => requiredPhoneNumber('input.number', 'call 902 555 0123'))).toBe('input.number');
  });

  it('needs both coordinates, each in range', () => {
    expect(coordinates(44.6, -63.5)).toEqual({ latitude: 44.6, longitude: -63.5 });
    expect(coordinates(null, undefined)).toEqual({ latitude: null, longitude: null });
    expect(fieldOf(() => coordinates(44.6, null))).toBe('input.longitude');
    expect(fieldOf(() => coordinates(-91, 0))).toBe('input.latitude');
    expect(fieldOf(() => coordinates(0, 180.5))).toBe('input.longitude');
  });

  it('reads times, dates and iCal day lists', () => {
    expect(fieldOf(() => optionalClock('input.opensAt', '9:30'))).toBe('input.opensAt');
    expect(optionalClock('input.opensAt', '09:30')).toBe('09:30:00');
    expect(optionalDate('input.validFrom', '2026-02-28', SCHEDULE_DATES)).toBe('2026-02-28');
    expect(fieldOf(() => optionalDate('input.validFrom', '2026-02-30', SCHEDULE_DATES))).toBe('input.validFrom');
    expect(optionalByDay('input.byDay', 'mo, we,fr', false)).toBe('MO,WE,FR');
    expect(fieldOf(() => optionalByDay('input.byDay', '1MO', false))).toBe('input.byDay');
    expect(optionalByDay('input.byDay', '1MO,-1FR', true)).toBe('1MO,-1FR');
    expect(optionalByMonthDay('input.byMonthDay', '1, 15,-1')).toBe('1,15,-1');
    expect(fieldOf(() => optionalByMonthDay('input.byMonthDay', '32'))).toBe('input.byMonthDay');
  });

  it('accepts IANA zones and UTC offsets', () => {
    expect(optionalTimezone('input.timezone', 'America/Halifax')).toBe('America/Halifax');
    expect(optionalTimezone('input.timezone', '-3.5')).toBe('-3.5');
    expect(fieldOf(() => optionalTimezone('input.timezone', 'Atlantis/Capital'))).toBe('input.timezone');
    expect(fieldOf(() => optionalTimezone('input.timezone', '+15'))).toBe('input.timezone');
  });
});
