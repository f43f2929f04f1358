import { describeSchedule, hoursAt, isPlainWeekly } from './hours';

describe('opening hours in words', () => {
  it('reads weekly rules, runs of days and hours past midnight', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byDay: 'MO,TU,WE,TH,FR', opensAt: '09:00', closesAt: '17:00' })).toBe('Mon–Fri 09:00–17:00');
    expect(describeSchedule({ byDay: 'SA,SU', opensAt: '10:00:00', closesAt: '14:00:00' })).toBe('Sat, Sun 10:00–14:00');
    expect(describeSchedule({ byDay: 'MO,WE,FR', opensAt: '21:00', closesAt: '08:00' })).toBe('Mon, Wed, Fri 21:00–08:00 (next day)');
    expect(describeSchedule({})).toBe('Every day all day');
  });

  it('reads monthly rules', () => {
    expect(describeSchedule({ freq: 'MONTHLY', byDay: '1WE,-1FR', opensAt: '10:00', closesAt: '14:00' })).toBe(
      '1st Wed, last Fri (monthly) 10:00–14:00',
    );
    expect(describeSchedule({ freq: 'MONTHLY', byMonthDay: '1,15', opensAt: '09:00', closesAt: '12:00', description: 'Tax clinic' })).toBe(
      'Day 1,15 of the month 09:00–12:00 — Tax clinic',
    );
  });
});

describe('the hours the directory shows', () => {
  const service = { schedules: [{ id: 'service' }] };
  it('are those of the service at the place when it has its own, else the service’s', () => {
    expect(hoursAt(service, { schedules: [{ id: 'place' }] })).toEqual([{ id: 'place' }]);
    expect(hoursAt(service, { schedules: [] })).toEqual([{ id: 'service' }]);
    expect(hoursAt(service, null)).toEqual([{ id: 'service' }]);
  });

  it('are changed by the weekly form only when they are plain weekdays', () => {
    expect(isPlainWeekly({ freq: 'WEEKLY', byDay: 'MO,TU' })).toBe(true);
    expect(isPlainWeekly({ byDay: null })).toBe(true);
    expect(isPlainWeekly({ freq: 'MONTHLY', byDay: '1WE' })).toBe(false);
    expect(isPlainWeekly({ freq: 'WEEKLY', byDay: '1WE' })).toBe(false);
    expect(isPlainWeekly({ byMonthDay: '1,15' })).toBe(false);
  });
});
