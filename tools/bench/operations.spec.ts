import { localDay } from '@caseflow/core';
import { HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { officeHours } from './operations';

const DAY = 86_400_000;

describe('the instant benchmark searches ask about', () => {
  it('is 10:30 on the coming Wednesday in the agencies’ time zone, whatever the day and hour of the run', () => {
    // Every hour of the next two weeks, from the start of today (UTC).
    const start = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    for (let hour = 0; hour < 14 * 24; hour++) {
      const now = new Date(start + hour * 3_600_000);
      const openAt = new Date(officeHours(now));
      const local = new Intl.DateTimeFormat('en-CA', {
        timeZone: HARBOUR_TIME_ZONE,
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(openAt);
      expect({ hour, local }).toEqual({ hour, local: 'Wednesday 10:30' });
      const daysAhead = (Date.parse(localDay(openAt, HARBOUR_TIME_ZONE)) - Date.parse(localDay(now, HARBOUR_TIME_ZONE))) / DAY;
      expect({ hour, daysAhead: daysAhead >= 1 && daysAhead <= 7 }).toEqual({ hour, daysAhead: true });
    }
  });
});
