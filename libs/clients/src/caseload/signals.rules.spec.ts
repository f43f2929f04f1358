import { addDays, localDay } from '@caseflow/core';
import { PRIORITY_NOW, QUIET_FACTS } from '../testing/priority';
import { computePriority } from './priority.rules';
import { type PrioritySignal, signalParts } from './signals.rules';

const now = PRIORITY_NOW;
const today = '2019-11-23';
const dayOf = (at: Date) => localDay(at, 'UTC');
const quiet = QUIET_FACTS;
const signal = (s: Partial<PrioritySignal>): PrioritySignal => ({
  kind: 'REFERRAL',
  status: null,
  label: null,
  count: 0,
  day: null,
  at: new Date('2019-11-22T10:00:00Z'),
  ...s,
});
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('priority from the other subgraphs', () => {
  it('words each signal plainly and scores it as the table says', () => {
    const parts = signalParts(
      [
        signal({ kind: 'STEPS_OVERDUE', count: 2 }),
        signal({ status: 'DECLINED', label: 'Northside Food Bank' }),
        signal({ status: 'EXPIRED', label: 'Eastside Legal Clinic' }),
        signal({ status: 'WAITLISTED', label: 'Harbour Housing' }),
        signal({ status: 'ACCEPTED', label: 'Northside Food Bank' }),
        signal({ kind: 'FOLLOW_UP', label: 'Northside Food Bank', day: today }),
        signal({ kind: 'APPOINTMENT', status: 'MISSED', at: daysAgo(3) }),
        signal({ kind: 'APPOINTMENT', status: 'MISSED', at: daysAgo(40) }),
      ],
      today,
      dayOf,
    );
    expect(parts).toEqual([
      [20, '2 plan steps overdue'],
      [20, 'Referral to Northside Food Bank declined'],
      [20, 'Referral to Eastside Legal Clinic expired'],
      [10, 'Referral to Harbour Housing waitlisted'],
      [5, 'Referral to Northside Food Bank accepted'],
      [25, 'Follow-up with Northside Food Bank due today'],
      [20, 'Missed 2 appointments in 90 days'],
    ]);
    expect(signalParts([signal({ kind: 'STEPS_OVERDUE', count: 1 })], today, dayOf)).toEqual([[10, '1 plan step overdue']]);
    expect(signalParts([signal({ kind: 'STEPS_OVERDUE', count: 7 })], today, dayOf)).toEqual([[30, '7 plan steps overdue']]);
  });

  it('lets go of what is over: old answers, started or ended referrals, other days’ follow-ups, attended and long-past appointments', () => {
    expect(
      signalParts(
        [
          signal({ kind: 'STEPS_OVERDUE', count: 0 }),
          signal({ status: 'DECLINED', label: 'Northside Food Bank', at: daysAgo(15) }),
          signal({ status: 'STARTED', label: 'Northside Food Bank' }),
          signal({ status: 'COMPLETED', label: 'Northside Food Bank' }),
          signal({ kind: 'FOLLOW_UP', label: 'Northside Food Bank', day: addDays(today, -1) }),
          signal({ kind: 'FOLLOW_UP', label: 'Northside Food Bank', day: addDays(today, 1) }),
          signal({ kind: 'FOLLOW_UP', label: 'Northside Food Bank', day: today, status: 'ENDED' }),
          signal({ kind: 'APPOINTMENT', status: 'ATTENDED', at: daysAgo(1) }),
          signal({ kind: 'APPOINTMENT', status: 'MISSED', at: daysAgo(91) }),
        ],
        today,
        dayOf,
      ),
    ).toEqual([]);
  });

  it('adds the signals to the priority, most pressing first, and counts days in the agency time zone', () => {
    const facts = { ...quiet, signals: [signal({ kind: 'FOLLOW_UP', label: 'Northside Food Bank', day: today })] };
    expect(computePriority(facts, now)).toEqual({ score: 25, level: 'MEDIUM', reasons: ['Follow-up with Northside Food Bank due today'] });
    // 05:00 UTC on the 24th is still the 23rd in Vancouver.
    const early = new Date('2019-11-24T05:00:00Z');
    expect(computePriority(facts, early).reasons).toEqual([]);
    expect(computePriority(facts, early, 'America/Vancouver').reasons).toEqual(['Follow-up with Northside Food Bank due today']);
    const both = computePriority({ ...facts, signals: [...facts.signals, signal({ kind: 'STEPS_OVERDUE', count: 3 })] }, now);
    expect(both).toEqual({
      score: 55,
      level: 'HIGH',
      reasons: ['3 plan steps overdue', 'Follow-up with Northside Food Bank due today'],
    });
  });
});
