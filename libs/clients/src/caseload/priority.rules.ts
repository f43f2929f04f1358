/**
 * Caseload priority: who needs the case manager's attention most, and why.
 * A pure function of what the clients subgraph holds, documented in
 * docs/clients.md:
 *
 * | input                                   | points                                      | reason |
 * | --------------------------------------- | ------------------------------------------- | ------ |
 * | open barriers in the latest assessment  | 5 each, at most 30                          | "3 open barriers" |
 * | a key date within the next 30 days      | 40 today, down 1 a day to 10 at 30 days; each date counts, at most 60 in all | "EI claim ends in 9 days" |
 * | a follow-up that is overdue             | 25, plus 1 a day overdue, at most 40        | "Follow-up overdue by 4 days" |
 * | days since the last case note           | past 14 days: 1 a day, at most 20; none yet (after 7 days open): 10 | "No case note for 30 days" |
 * | intake not completed                    | 15, plus 1 a day since intake, at most 30   | "Intake not completed after 12 days" |
 *
 * And from the other subgraphs' events (signals.rules.ts, kept by signals.consumer.ts):
 *
 * | input                                   | points                                      | reason |
 * | --------------------------------------- | ------------------------------------------- | ------ |
 * | plan steps overdue (plans)              | 10 each, at most 30                         | "2 plan steps overdue" |
 * | a referral declined or expired, within 14 days | 20 each                              | "Referral to Northside Food Bank declined" |
 * | a referral waitlisted, within 14 days   | 10 each                                     | "Referral to Northside Food Bank waitlisted" |
 * | a referral accepted, within 14 days, until it starts | 5 each                         | "Referral to Northside Food Bank accepted" |
 * | a referral's follow-up due today        | 25 each                                     | "Follow-up with Northside Food Bank due today" |
 * | appointments missed in the last 90 days | 10 each, at most 30                         | "Missed 2 appointments in 90 days" |
 *
 * Days are the agency's (its time zone; UTC when it set none). Level: URGENT
 * from 60, HIGH from 35, MEDIUM from 15, else LOW. Closed cases score 0 with
 * no reasons.
 */
import { DEFAULT_TIME_ZONE, localDay } from '@caseflow/core';
import type { ClientStatus, KeyDateValue, PriorityLevel } from '../client/client.entity';
import { type PrioritySignal, signalParts } from './signals.rules';

export interface PriorityFacts {
  status: ClientStatus;
  intakeDate: string;
  openBarriers: number;
  keyDates: KeyDateValue[];
  nextFollowUpAt: Date | null;
  lastNoteAt: Date | null;
  openedAt: Date;
  /** What the other subgraphs told (overdue steps, referral answers, follow-ups, missed appointments). */
  signals?: readonly PrioritySignal[];
}

export interface PriorityResult {
  score: number;
  level: PriorityLevel;
  reasons: string[];
}

const DAY = 86_400_000;

/** A calendar day (`YYYY-MM-DD`) as a day number. */
function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function when(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** The levels counted as high priority (a supervisor's team view): HIGH and above, as `levelOf` grades them. */
export const HIGH_PRIORITY_LEVELS: readonly PriorityLevel[] = ['HIGH', 'URGENT'];

export function levelOf(score: number): PriorityLevel {
  if (score >= 60) return 'URGENT';
  if (score >= 35) return 'HIGH';
  if (score >= 15) return 'MEDIUM';
  return 'LOW';
}

/** The client's priority at `now`, its days counted in the agency's `timeZone`. */
export function computePriority(facts: PriorityFacts, now: Date, timeZone: string = DEFAULT_TIME_ZONE): PriorityResult {
  if (facts.status === 'CLOSED') return { score: 0, level: 'LOW', reasons: [] };
  const dayOf = (at: Date) => localDay(at, timeZone);
  const dayNo = (date: Date | string) => dayNumber(typeof date === 'string' ? date : dayOf(date));
  const today = dayNo(now);
  const parts: Array<[number, string]> = [];

  if (facts.openBarriers > 0) parts.push([Math.min(30, 5 * facts.openBarriers), plural(facts.openBarriers, 'open barrier')]);

  let keyDatePoints = 0;
  const upcoming = facts.keyDates
    .map((k) => ({ ...k, days: dayNo(k.date) - today }))
    .filter((k) => k.days >= 0 && k.days <= 30)
    .sort((a, b) => a.days - b.days);
  for (const k of upcoming) {
    const points = Math.min(40 - k.days, 60 - keyDatePoints);
    if (points <= 0) break;
    keyDatePoints += points;
    parts.push([points, `${k.label} ${when(k.days)}`]);
  }

  if (facts.nextFollowUpAt && facts.nextFollowUpAt.getTime() < now.getTime()) {
    const overdue = today - dayNo(facts.nextFollowUpAt);
    parts.push([
      Math.min(40, 25 + overdue),
      overdue === 0 ? 'Follow-up due earlier today' : `Follow-up overdue by ${plural(overdue, 'day')}`,
    ]);
  }

  if (facts.lastNoteAt) {
    const quiet = today - dayNo(facts.lastNoteAt);
    if (quiet > 14) parts.push([Math.min(20, quiet - 14), `No case note for ${quiet} days`]);
  } else if (today - dayNo(facts.openedAt) > 7) {
    parts.push([10, 'No case notes yet']);
  }

  if (facts.status === 'INTAKE') {
    const days = Math.max(0, today - dayNo(facts.intakeDate));
    parts.push([Math.min(30, 15 + days), `Intake not completed after ${plural(days, 'day')}`]);
  }

  parts.push(...signalParts(facts.signals ?? [], dayOf(now), dayOf));

  parts.sort((a, b) => b[0] - a[0]);
  const score = parts.reduce((sum, [points]) => sum + points, 0);
  return { score, level: levelOf(score), reasons: parts.map(([, reason]) => reason) };
}
