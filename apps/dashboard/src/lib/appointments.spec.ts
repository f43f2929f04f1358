import { canRecordAttendance, conflictOf, durationMinutes, timeErrors } from './appointments';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('appointment rules before sending', () => {
  const now = new Date();
  const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('accepts an hour tomorrow', () => {
    expect(timeErrors(at(DAY), at(DAY + HOUR), now)).toEqual({});
    expect(durationMinutes(at(DAY), at(DAY + HOUR))).toBe(60);
  });

  it('names the field of each broken rule', () => {
    expect(timeErrors(null, null, now)).toEqual({ startsAt: 'Enter when the appointment starts.', endsAt: 'Enter when it ends.' });
    expect(timeErrors(at(DAY), at(DAY), now)).toEqual({ endsAt: 'The end must be after the start.' });
    expect(timeErrors(at(DAY), at(DAY + 8 * HOUR + MIN), now)).toEqual({ endsAt: 'An appointment lasts at most 8 hours.' });
    expect(timeErrors(at(DAY), at(DAY + 8 * HOUR), now)).toEqual({});
    expect(timeErrors(at(-HOUR - MIN), at(0), now)).toEqual({ startsAt: 'The start cannot be more than an hour in the past.' });
    expect(timeErrors(at(-HOUR + MIN), at(0), now)).toEqual({});
    expect(timeErrors(at(733 * DAY), at(733 * DAY + HOUR), now)).toEqual({ startsAt: 'Schedule at most two years ahead.' });
  });

  it('allows attendance from the start of a scheduled appointment only', () => {
    expect(canRecordAttendance({ status: 'SCHEDULED', startsAt: at(MIN) }, now)).toBe(false);
    expect(canRecordAttendance({ status: 'SCHEDULED', startsAt: at(0) }, now)).toBe(true);
    expect(canRecordAttendance({ status: 'CANCELLED', startsAt: at(-HOUR) }, now)).toBe(false);
  });

  it('tells a stale version from an overlap', () => {
    const error = (extensions: Record<string, unknown>) => ({ message: 'x', graphQLErrors: [{ message: 'x', extensions }] });
    expect(conflictOf(error({ code: 'CONFLICT', field: 'expectedVersion' }))).toBe('stale');
    expect(conflictOf(error({ code: 'CONFLICT', currentVersion: 3 }))).toBe('stale');
    expect(conflictOf(error({ code: 'CONFLICT', appointmentId: 'a' }))).toBe('overlap');
    // Through the gateway, which passes on only the code and the field:
    expect(conflictOf(error({ code: 'CONFLICT' }))).toBe('overlap');
    expect(conflictOf(error({ code: 'CONFLICT', field: 'input.clientMutationId' }))).toBeNull();
    expect(conflictOf(error({ code: 'BAD_USER_INPUT', field: 'input.startsAt' }))).toBeNull();
    expect(conflictOf(null)).toBeNull();
  });
});
