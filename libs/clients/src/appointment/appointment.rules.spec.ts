import ICAL from 'ical.js';
import { checkAttendanceTime, checkWhen, checkWindow } from './appointment.rules';
import { initialsOf, renderFeed } from './calendar-feed.route';

const HOUR = 3_600_000;
const now = new Date();
const at = (hours: number) => new Date(now.getTime() + hours * HOUR);
const fieldOf = (f: () => void) => {
  try {
    f();
  } catch (error) {
    return (error as { code: string; details: { field?: string } }).details.field ?? (error as { code: string }).code;
  }
  return null;
};

describe('when an appointment may be', () => {
  it('accepts an hour tomorrow, exactly 8 hours, and a start up to an hour ago', () => {
    expect(fieldOf(() => checkWhen(at(24), at(25), now))).toBeNull();
    expect(fieldOf(() => checkWhen(at(24), at(32), now))).toBeNull();
    expect(fieldOf(() => checkWhen(at(-0.9), at(0), now))).toBeNull();
  });

  it.each([
    ['an end at the start', at(24), at(24), 'input.endsAt'],
    ['more than 8 hours', at(24), at(32.1), 'input.endsAt'],
    ['more than two years ahead', at(2 * 365 * 24 + 1), at(2 * 365 * 24 + 2), 'input.startsAt'],
    ['more than an hour ago', at(-1.1), at(0), 'input.startsAt'],
  ])('refuses %s, naming the field', (_name, startsAt, endsAt, field) => {
    expect(fieldOf(() => checkWhen(startsAt, endsAt, now))).toBe(field);
  });

  it('takes a window of at most 92 days, to after from', () => {
    expect(fieldOf(() => checkWindow(at(0), at(92 * 24)))).toBeNull();
    expect(fieldOf(() => checkWindow(at(0), at(92 * 24 + 1)))).toBe('to');
    expect(fieldOf(() => checkWindow(at(0), at(0)))).toBe('to');
  });

  it('records attendance at or after the start only', () => {
    expect(fieldOf(() => checkAttendanceTime(at(1), 'ATTENDED', now))).toBe('INVALID_TRANSITION');
    expect(fieldOf(() => checkAttendanceTime(now, 'NO_SHOW', now))).toBeNull();
  });
});

describe('the calendar feed', () => {
  it('writes initials, not names, and parses as iCalendar with one event per appointment', () => {
    expect(initialsOf('élodie', "O'Brien")).toBe('É.O.');
    const rows = [
      { id: '6f1b8a1e-4c1a-4a8e-9a55-6d2f1c9e0a01', status: 'SCHEDULED', place: 'Room 2; floor 3, east' },
      { id: '6f1b8a1e-4c1a-4a8e-9a55-6d2f1c9e0a02', status: 'CANCELLED', place: null },
    ].map((r, i) => ({
      ...r,
      client_id: '0b6c2d7e-1f1a-4c1d-8a55-6d2f1c9e0a10',
      kind: 'HOME_VISIT' as const,
      status: r.status as 'SCHEDULED' | 'CANCELLED',
      starts_at: at(24 + i),
      ends_at: at(25 + i),
      first_name: 'Marguerite',
      last_name: 'Delacroix',
      version: 1 + i,
    }));
    const text = renderFeed(rows, 'https://caseflow.example.org', now);
    expect(text).not.toMatch(/Marguerite|Delacroix/);
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.summary, e.location, e.sequence])).toEqual([
      [`${rows[0].id}@caseflow`, 'Home visit · M.D.', 'Room 2; floor 3, east', 0],
      [`${rows[1].id}@caseflow`, 'Home visit · M.D.', null, 1],
    ]);
    expect(events[1].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0].component.getFirstPropertyValue('url')).toBe(`https://caseflow.example.org/clients/${rows[0].client_id}`);
  });
});
