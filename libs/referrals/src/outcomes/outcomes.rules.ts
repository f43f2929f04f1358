/**
 * How raw group counts become published figures. What is published is the
 * number of referrals; whether it is published depends on the people behind
 * it. A count is suppressed when its referrals concern fewer than 11
 * distinct people (the shared threshold), or to protect another count
 * (complementary suppression, decided over the whole month × organization ×
 * term table with all its totals, so that every grouping of the same period
 * suppresses a figure alike; a month is decided alike in every period, and a
 * figure over the period is hidden when one of its months is — see
 * `suppressOverMonths`). A rate or a median is published only when
 * everything it is computed from is.
 */
import { type Figure, type OutcomeCount, SUPPRESSION_THRESHOLD, suppressOverMonths } from '@caseflow/federation';

export interface GroupCounts {
  sent: number;
  accepted: number;
  completed: number;
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

export type Dimension = 'month' | 'organization' | 'taxonomyTerm';
export const DIMENSIONS: readonly Dimension[] = ['month', 'organization', 'taxonomyTerm'];

/** A group's coordinates: a value per dimension it is grouped by ('' for "no taxonomy term"), nothing for a total. */
export type GroupKey = Partial<Record<Dimension, string>>;

/** The people behind one group of the whole table. */
export interface GroupPeople {
  key: GroupKey;
  sentPeople: number;
  acceptedPeople: number;
  completedPeople: number;
}

/** Which of a group's counts are suppressed. */
export interface Hidden {
  sent: boolean;
  accepted: boolean;
  completed: boolean;
}

/** A stable text for a group key, to find a group's suppression by its coordinates. */
export function keyText(key: GroupKey): string {
  return JSON.stringify(DIMENSIONS.map((d) => key[d] ?? null));
}

/** The suppression of every group of the table (each grouping, each total), by key text. */
export function suppression(table: readonly GroupPeople[]): Map<string, Hidden> {
  const hide = (people: (g: GroupPeople) => number) =>
    suppressOverMonths<Dimension>(
      table.map((g): Figure<Dimension> => ({ key: g.key, people: people(g) })),
      DIMENSIONS,
      'month',
    );
  const sent = hide((g) => g.sentPeople);
  const accepted = hide((g) => g.acceptedPeople);
  const completed = hide((g) => g.completedPeople);
  return new Map(table.map((g, i) => [keyText(g.key), { sent: sent[i], accepted: accepted[i], completed: completed[i] }]));
}

/** Everything hidden: a group the table does not know is never published. */
export const ALL_HIDDEN: Hidden = { sent: true, accepted: true, completed: true };

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const count = (n: number, hidden: boolean): OutcomeCount => (hidden ? { count: null, suppressed: true } : { count: n, suppressed: false });

export function publish(group: GroupCounts, hidden: Hidden): PublishedFigures {
  const sent = count(group.sent, hidden.sent);
  const accepted = count(group.accepted, hidden.accepted);
  const completed = count(group.completed, hidden.completed);
  return {
    sent,
    accepted,
    completed,
    completionRate: sent.count !== null && completed.count !== null && sent.count > 0 ? round(completed.count / sent.count, 4) : null,
    medianDaysToResponse: group.respondedPeople >= SUPPRESSION_THRESHOLD && group.medianDays !== null ? round(group.medianDays, 1) : null,
  };
}
