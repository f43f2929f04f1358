/**
 * How raw group counts become published figures. A count is published only
 * when the referrals it counts concern at least 11 distinct people (the
 * shared threshold); what is published is the number of referrals. A rate
 * or a median is published only when everything it is computed from is.
 */
import { type OutcomeCount, outcomeCount } from '@caseflow/federation';

export interface GroupCounts {
  sent: number;
  sentPeople: number;
  accepted: number;
  acceptedPeople: number;
  completed: number;
  completedPeople: number;
  respondedPeople: number;
  medianDays: number | null;
}

export interface PublishedFigures {
  sent: OutcomeCount;
  accepted: OutcomeCount;
  completed: OutcomeCount;
  completionRate: number | null;
  medianDaysToResponse: number | null;
}

/** A count of referrals, suppressed when they concern fewer than 11 people. */
export function referralCount(referrals: number, people: number): OutcomeCount {
  return outcomeCount(people).suppressed ? outcomeCount(people) : { count: referrals, suppressed: false };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function publish(group: GroupCounts): PublishedFigures {
  const sent = referralCount(group.sent, group.sentPeople);
  const accepted = referralCount(group.accepted, group.acceptedPeople);
  const completed = referralCount(group.completed, group.completedPeople);
  const responded = referralCount(group.respondedPeople, group.respondedPeople);
  return {
    sent,
    accepted,
    completed,
    completionRate: sent.count !== null && completed.count !== null && sent.count > 0 ? round(completed.count / sent.count, 4) : null,
    medianDaysToResponse: !responded.suppressed && group.medianDays !== null ? round(group.medianDays, 1) : null,
  };
}
