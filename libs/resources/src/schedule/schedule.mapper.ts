import type { ScheduleEntity } from './schedule.entity';
import type { Schedule } from './schedule.type';

/** `09:00:00` → `09:00`; seconds are kept when they are not zero. */
export function clockTime(value: string | null): string | null {
  if (value === null) return null;
  return value.endsWith(':00') && value.length === 8 ? value.slice(0, 5) : value;
}

export function toSchedule(entity: ScheduleEntity): Schedule {
  return {
    id: entity.id,
    freq: entity.freq,
    byDay: entity.byday,
    byMonthDay: entity.bymonthday,
    opensAt: clockTime(entity.opensAt),
    closesAt: clockTime(entity.closesAt),
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    timezone: entity.timezone,
    description: entity.description,
  };
}
