import { addDays, atWallTime, isIanaTimeZone, localDay, startOfLocalDay } from './time-zone';

describe('agency time zone', () => {
  it('accepts IANA names and refuses offsets, abbreviations and nonsense', () => {
    for (const name of ['America/Vancouver', 'Europe/London', 'UTC', 'America/Argentina/Buenos_Aires'])
      expect(isIanaTimeZone(name)).toBe(true);
    for (const name of ['PST', 'UTC+2', 'GMT-8', '+01:00', 'America/Nowhere', '', 'America//Vancouver', '../etc/passwd'])
      expect(isIanaTimeZone(name)).toBe(false);
  });

  it('names the local day of an instant: 23:30 in Vancouver is still the previous UTC day', () => {
    // 07:30 UTC on a winter day is 23:30 the evening before in Vancouver (UTC-8).
    const instant = new Date(Date.UTC(2031, 0, 16, 7, 30));
    expect(localDay(instant, 'America/Vancouver')).toBe('2031-01-15');
    expect(localDay(instant, 'UTC')).toBe('2031-01-16');
    expect(localDay(new Date(instant.getTime() + 60 * 60 * 1000), 'America/Vancouver')).toBe('2031-01-16');
  });

  it('moves a day across month and year ends', () => {
    expect(addDays('2031-12-31', 1)).toBe('2032-01-01');
    expect(addDays('2032-03-01', -1)).toBe('2032-02-29');
  });

  it("finds the instant the agency's day began, across a change of the clocks", () => {
    const instant = new Date(Date.UTC(2031, 0, 16, 7, 30)); // 23:30 on the 15th in Vancouver
    expect(startOfLocalDay(instant, 'America/Vancouver').toISOString()).toBe('2031-01-15T08:00:00.000Z');
    expect(startOfLocalDay(instant, 'UTC').toISOString()).toBe('2031-01-16T00:00:00.000Z');
    // The day summer time starts (9 March 2031 in Canada: 02:00 → 03:00) still began at midnight standard time.
    expect(startOfLocalDay(new Date(Date.UTC(2031, 2, 9, 20)), 'America/Vancouver').toISOString()).toBe('2031-03-09T08:00:00.000Z');
    expect(startOfLocalDay(new Date(Date.UTC(2031, 6, 1, 12)), 'America/Halifax').toISOString()).toBe('2031-07-01T03:00:00.000Z');
  });

  it('finds the instant a wall clock shows a time, before and after a change of the clocks', () => {
    expect(atWallTime('2031-01-15', '23:30', 'America/Vancouver').toISOString()).toBe('2031-01-16T07:30:00.000Z');
    expect(atWallTime('2031-03-09', '01:30', 'America/Vancouver').toISOString()).toBe('2031-03-09T09:30:00.000Z');
    expect(atWallTime('2031-03-09', '03:30', 'America/Vancouver').toISOString()).toBe('2031-03-09T10:30:00.000Z');
    expect(atWallTime('2031-07-01', '00:00', 'UTC').toISOString()).toBe('2031-07-01T00:00:00.000Z');
  });
});
