/** Opening hours and phone numbers as the directory shows them, one line each; shared by the directory and a partner's own entries. */
import { describeSchedule, type ScheduleLike } from '../../lib/hours';
import { describePhone, describePhoneFully, type PhoneLike } from '../../lib/phones';

export function ScheduleLines({ schedules, empty }: { schedules: ReadonlyArray<ScheduleLike & { id: string }>; empty: string }) {
  if (!schedules.length) return <>{empty}</>;
  return (
    <>
      {schedules.map((h) => (
        <span key={h.id} className="block">
          {describeSchedule(h)}
        </span>
      ))}
    </>
  );
}

/** The numbers on one line, separated by commas; `full` adds each one's kind and note. */
export function PhoneLines({ phones, empty, full = false }: { phones: ReadonlyArray<PhoneLike>; empty: string; full?: boolean }) {
  if (!phones.length) return <>{empty}</>;
  return <>{phones.map((p) => (full ? describePhoneFully(p) : describePhone(p))).join(', ')}</>;
}
