/** What plans adds to the clients subgraph's CaseloadSummary (a supervisor's team): `overdueSteps`. */
import type { EntityManager } from 'typeorm';
import { caseloadCountField, type CountByClient } from '@caseflow/federation';
import { overdueStepsOf } from '../step/overdue.sql';
import type { Today } from '../today';

export const caseloadSummary = caseloadCountField('overdueSteps', 'From the plans subgraph.');

/** Overdue steps per client on the agency's today, by the one rule of an overdue step (overdue.sql.ts). */
export const overdueStepsByClient =
  (db: EntityManager, today: Today): CountByClient =>
  async (clientIds) => {
    const counts = new Map<string, number>();
    if (clientIds.length === 0) return counts;
    for (const row of await overdueStepsOf(db, clientIds, await today())) counts.set(row.client_id, (counts.get(row.client_id) ?? 0) + 1);
    return counts;
  };
