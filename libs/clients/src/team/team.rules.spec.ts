import { addDays, localDay } from '@caseflow/core';
import { checkUntil, isCurrent, UNTIL_MAX_DAYS } from './team.rules';

const today = localDay(new Date(), 'America/Halifax');

describe('case team rules', () => {
  it('keeps a member current through the whole `until` day and not after it', () => {
    expect(isCurrent(null, today)).toBe(true);
    expect(isCurrent(today, today)).toBe(true);
    expect(isCurrent(addDays(today, 1), today)).toBe(true);
    expect(isCurrent(addDays(today, -1), today)).toBe(false);
  });

  it('takes `until` from today to two years ahead, naming the field otherwise', () => {
    expect(checkUntil('input.until', undefined, today)).toBeNull();
    expect(checkUntil('input.until', today, today)).toBe(today);
    expect(checkUntil('input.until', addDays(today, UNTIL_MAX_DAYS), today)).toBe(addDays(today, UNTIL_MAX_DAYS));
    // February 30th of next year: inside the window, but no such day.
    const noSuchDay = `${Number(today.slice(0, 4)) + 1}-02-30`;
    for (const bad of [addDays(today, -1), addDays(today, UNTIL_MAX_DAYS + 1), noSuchDay, 'soon']) {
      expect(() => checkUntil('input.until', bad, today)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    }
  });
});
