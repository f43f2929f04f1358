/** Opening hours (HSDS schedules, iCal-style rules) in words: "Mon–Fri 09:00–17:00", "1st Wed 10:00–14:00". */
export interface ScheduleLike {
  freq?: string | null;
  byDay?: string | null;
  byMonthDay?: string | null;
  opensAt?: string | null;
  closesAt?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
  description?: string | null;
}

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const NAMES: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const ORDINALS: Record<string, string> = { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '5': '5th', '-1': 'last' };

function dayList(byDay: string): string {
  const codes = byDay
    .split(',')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
  const plain = codes.every((c) => DAYS.includes(c));
  if (!plain) {
    return codes
      .map((c) => {
        const m = /^(-?\d)([A-Z]{2})$/.exec(c);
        return m ? `${ORDINALS[m[1]] ?? m[1]} ${NAMES[m[2]] ?? m[2]}` : c;
      })
      .join(', ');
  }
  const idx = codes.map((c) => DAYS.indexOf(c)).sort((a, b) => a - b);
  if (idx.length === 7) return 'Every day';
  // Runs of three or more days read as a range.
  const parts: string[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j += 1;
    parts.push(
      j - i >= 2
        ? `${NAMES[DAYS[idx[i]]]}–${NAMES[DAYS[idx[j]]]}`
        : idx
            .slice(i, j + 1)
            .map((d) => NAMES[DAYS[d]])
            .join(', '),
    );
    i = j + 1;
  }
  return parts.join(', ');
}

function time(value: string): string {
  return value.slice(0, 5);
}

export function describeSchedule(s: ScheduleLike): string {
  const days = s.byDay
    ? dayList(s.byDay)
    : s.freq?.toUpperCase() === 'MONTHLY' && s.byMonthDay
      ? `Day ${s.byMonthDay} of the month`
      : 'Every day';
  let hours = 'all day';
  if (s.opensAt && s.closesAt) hours = `${time(s.opensAt)}–${time(s.closesAt)}${s.closesAt <= s.opensAt ? ' (next day)' : ''}`;
  else if (s.opensAt) hours = `from ${time(s.opensAt)}`;
  const monthly = s.freq?.toUpperCase() === 'MONTHLY' && s.byDay ? ' (monthly)' : '';
  const valid =
    s.validFrom || s.validTo
      ? ` · ${s.validFrom ? `from ${s.validFrom}` : ''}${s.validFrom && s.validTo ? ' ' : ''}${s.validTo ? `until ${s.validTo}` : ''}`
      : '';
  return `${days}${monthly} ${hours}${valid}${s.description ? ` — ${s.description}` : ''}`;
}

/**
 * The hours the directory shows for a service at one of its places: those of
 * the service at that place when it has its own, else the service's.
 */
export function hoursAt<T>(service: { schedules: readonly T[] }, atPlace?: { schedules: readonly T[] } | null): readonly T[] {
  return atPlace?.schedules.length ? atPlace.schedules : service.schedules;
}

/** Whether the weekly form can change these hours (plain weekdays, no monthly rule). */
export function isPlainWeekly(s: ScheduleLike): boolean {
  if (s.freq && s.freq.toUpperCase() !== 'WEEKLY') return false;
  if (s.byMonthDay) return false;
  return (s.byDay ?? '')
    .split(',')
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean)
    .every((d) => DAYS.includes(d));
}
