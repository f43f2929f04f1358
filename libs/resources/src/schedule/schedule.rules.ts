import { badInput, oneOf, optionalDate, optionalText } from '@caseflow/core';
import type { Row } from '../directory-edit/changes';
import {
  LIMITS,
  optionalByDay,
  optionalByMonthDay,
  optionalClock,
  optionalTimezone,
  SCHEDULE_DATES,
  SCHEDULE_FREQUENCIES,
} from '../directory-edit/fields.rules';
import type { ScheduleInput } from './schedule.inputs';

/** A schedule's columns, checked together: the rule, the hours (opening before closing unless past midnight), the dates. */
export function scheduleColumns(input: ScheduleInput): Row {
  const freq = input.freq == null ? 'WEEKLY' : oneOf('input.freq', input.freq, SCHEDULE_FREQUENCIES);
  const monthly = freq === 'MONTHLY';
  if (!monthly && input.byMonthDay != null && input.byMonthDay.trim() !== '')
    throw badInput('input.byMonthDay', 'is only for a MONTHLY rule');
  const opensAt = optionalClock('input.opensAt', input.opensAt);
  const closesAt = optionalClock('input.closesAt', input.closesAt);
  if (opensAt && closesAt) {
    if (input.closesNextDay && closesAt > opensAt)
      throw badInput('input.closesNextDay', 'is only for hours that close at or before the time they open');
    if (!input.closesNextDay && closesAt <= opensAt)
      throw badInput('input.closesAt', 'must be after opensAt (set closesNextDay for hours past midnight)');
  } else if (input.closesNextDay) {
    throw badInput('input.closesNextDay', 'needs opensAt and closesAt');
  }
  const validFrom = optionalDate('input.validFrom', input.validFrom, SCHEDULE_DATES);
  const validTo = optionalDate('input.validTo', input.validTo, SCHEDULE_DATES);
  if (validFrom && validTo && validTo < validFrom) throw badInput('input.validTo', 'must not be before validFrom');
  return {
    freq,
    wkst: 'MO',
    byday: optionalByDay('input.byDay', input.byDay, monthly),
    bymonthday: monthly ? optionalByMonthDay('input.byMonthDay', input.byMonthDay) : null,
    opens_at: opensAt,
    closes_at: closesAt,
    valid_from: validFrom,
    valid_to: validTo,
    timezone: optionalTimezone('input.timezone', input.timezone),
    description: optionalText('input.description', input.description, { max: LIMITS.shortText }),
  };
}
