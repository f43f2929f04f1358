import { addMonths, daysUntil, formatDate, formatDayOf, fromLocalInput, isIsoDate, localDate, relativeDays, toLocalInput } from './dates';

describe('dates', () => {
  // A fixed day well in the past: each function takes `now`, so the day itself does not matter.
  const now = new Date(2021, 10, 23, 15, 30);

  it('counts calendar days to a date, negative when past', () => {
    expect(daysUntil('2021-11-25', now)).toBe(2);
    expect(daysUntil('2021-11-23', now)).toBe(0);
    expect(daysUntil('2021-11-18', now)).toBe(-5);
    expect(daysUntil('2022-01-01', now)).toBe(39);
  });

  it('says days in words', () => {
    expect([0, 1, -1, 3, -4].map(relativeDays)).toEqual(['today', 'tomorrow', 'yesterday', 'in 3 days', '4 days ago']);
  });

  it('shows a calendar date without a time-zone shift', () => {
    expect(formatDate('2021-01-01')).toBe('Jan 1, 2021');
    expect(formatDate(null)).toBe('—');
  });

  it('shows the viewer’s day of an instant, as a follow-up is kept (09:00 local)', () => {
    expect(formatDayOf(new Date(2021, 0, 1, 9, 0).toISOString())).toBe('Jan 1, 2021');
    expect(formatDayOf(null)).toBe('—');
  });

  it('round-trips a datetime-local value through an ISO instant', () => {
    const input = toLocalInput(now);
    expect(input).toBe('2021-11-23T15:30');
    expect(new Date(fromLocalInput(input) as string).getTime()).toBe(now.getTime());
    expect(fromLocalInput('not a date')).toBeNull();
    expect(localDate(now)).toBe('2021-11-23');
  });

  it('checks real calendar dates and adds months within the month', () => {
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(addMonths('2021-11-30', 3)).toBe('2022-02-28');
    expect(addMonths('2016-01-15', 60)).toBe('2021-01-15');
  });
});
