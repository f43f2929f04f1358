/**
 * What the other subgraphs' events add to a client's priority (the signals
 * the clients subgraph keeps from them, see signals.consumer.ts), as points
 * and plain reasons; the table is at the top of priority.rules.ts. Pure:
 * `today` is the agency's local day, `dayOf` gives an instant's local day.
 */

/** One kept fact, as priority_signal holds it. */
export interface PrioritySignal {
  kind: SignalKind;
  /**
   * A referral's last status (ACCEPTED, DECLINED, WAITLISTED, EXPIRED, STARTED, COMPLETED, CANCELLED), an
   * appointment's (MISSED, ATTENDED), or ENDED for a follow-up whose referral has ended.
   */
  status: string | null;
  /** The receiving organization's name, for a referral or a follow-up. */
  label: string | null;
  /** The overdue plan steps, for STEPS_OVERDUE. */
  count: number;
  /** The follow-up's local day, for FOLLOW_UP. */
  day: string | null;
  /** When it happened: the event's time; an appointment's start. */
  at: Date;
}

export const SIGNAL_KINDS = ['STEPS_OVERDUE', 'REFERRAL', 'FOLLOW_UP', 'APPOINTMENT'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** How long a referral's answer keeps raising the priority. */
export const REFERRAL_ANSWER_DAYS = 14;
/** The window of missed appointments. */
export const MISSED_APPOINTMENT_DAYS = 90;

const REFERRAL_POINTS: Readonly<Record<string, [number, string]>> = {
  DECLINED: [20, 'declined'],
  EXPIRED: [20, 'expired'],
  WAITLISTED: [10, 'waitlisted'],
  ACCEPTED: [5, 'accepted'],
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The signals' parts of the priority: [points, reason] each. */
export function signalParts(signals: readonly PrioritySignal[], today: string, dayOf: (at: Date) => string): Array<[number, string]> {
  const parts: Array<[number, string]> = [];
  const overdue = signals.filter((s) => s.kind === 'STEPS_OVERDUE').reduce((n, s) => n + s.count, 0);
  if (overdue > 0) parts.push([Math.min(30, 10 * overdue), `${plural(overdue, 'plan step')} overdue`]);

  for (const s of signals) {
    if (s.kind === 'REFERRAL' && s.status !== null && REFERRAL_POINTS[s.status]) {
      const age = daysBetween(dayOf(s.at), today);
      if (age < 0 || age > REFERRAL_ANSWER_DAYS) continue;
      const [points, word] = REFERRAL_POINTS[s.status];
      parts.push([points, `Referral to ${s.label} ${word}`]);
    }
    if (s.kind === 'FOLLOW_UP' && s.status === null && s.day === today) parts.push([25, `Follow-up with ${s.label} due today`]);
  }

  const missed = signals.filter((s) => {
    if (s.kind !== 'APPOINTMENT' || s.status !== 'MISSED') return false;
    const age = daysBetween(dayOf(s.at), today);
    return age >= 0 && age <= MISSED_APPOINTMENT_DAYS;
  }).length;
  if (missed > 0) parts.push([Math.min(30, 10 * missed), `Missed ${plural(missed, 'appointment')} in ${MISSED_APPOINTMENT_DAYS} days`]);
  return parts;
}
