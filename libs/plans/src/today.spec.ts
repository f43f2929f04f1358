import { addDays, createLogger, localDay } from '@caseflow/core';
import { atLocalTime } from '@caseflow/testing';
import { isOverdue } from './step/step.rules';
import { requestToday } from './today';

const VANCOUVER = 'America/Vancouver';
const AGENCY = '6f1f7a52-3c1b-4c55-9d5e-2f0d3c1a9b10';
const silent = createLogger('plans', 'silent');

describe("today in the agency's time zone", () => {
  // The run's own day, so the spec means the same under faketime.
  const dueToday = localDay(new Date(), VANCOUVER);
  const step = { dueDate: dueToday, outcome: 'NOT_STARTED' as const };
  const zoneOf = async () => VANCOUVER;

  it('keeps a step due today in Vancouver not overdue at 23:30 there (already tomorrow in UTC), and overdue at 00:30 the next day', async () => {
    const lateTonight = atLocalTime(dueToday, '23:30', VANCOUVER);
    expect(localDay(lateTonight, 'UTC')).toBe(addDays(dueToday, 1));
    const tonight = await requestToday(zoneOf, AGENCY, silent, () => lateTonight)();
    expect(tonight).toBe(dueToday);
    expect(isOverdue(step, tonight)).toBe(false);

    const tomorrow = await requestToday(zoneOf, AGENCY, silent, () => atLocalTime(addDays(dueToday, 1), '00:30', VANCOUVER))();
    expect(tomorrow).toBe(addDays(dueToday, 1));
    expect(isOverdue(step, tomorrow)).toBe(true);
  });

  it('asks the zone once per request, and counts in UTC when it cannot be had', async () => {
    let asked = 0;
    const today = requestToday(
      async () => {
        asked += 1;
        return VANCOUVER;
      },
      AGENCY,
      silent,
    );
    await Promise.all([today(), today(), today()]);
    expect(asked).toBe(1);
    const at = atLocalTime(dueToday, '23:30', VANCOUVER);
    const failing = requestToday(
      () => Promise.reject(new Error('clients away')),
      AGENCY,
      silent,
      () => at,
    );
    expect(await failing()).toBe(localDay(at, 'UTC'));
  });
});
