/**
 * `plan.step_overdue`: a step whose due date has passed in its agency's
 * time zone is told about once — once per (step, due date), the once-key
 * `plan.step_overdue:<step>:<due date>` — with the client's whole set of
 * overdue steps on that agency's day. Once, not every day it stays overdue:
 * the priority keeps counting it and a daily reminder per step would drown
 * the case manager; a step moved to a new date that passes again is told
 * again. The job runs every tick, once per tick across replicas (claimed in
 * `plans.scheduled_job`), and the once-keys make a second run, a second
 * replica or a restart record nothing more; the step's `overdue_told_on`,
 * set in the same transaction, keeps the next runs from reading it again
 * (migration OverdueToldOn1765584000105). The time zones come from the
 * clients subgraph; when it cannot answer, the tick records nothing and the
 * next one tries again.
 */
import type { DataSource } from 'typeorm';
import { localDay } from '@caseflow/core';
import type { NewDomainEvent } from '@caseflow/events';
import { type JobRunning, startCountingJob } from '@caseflow/federation';
import { PLAN_AGGREGATE, recordPlanEvents } from '../plan/plan.events';
import { markToldOverdue, newlyOverdueSteps, type NewlyOverdueRow, overdueStepsOf } from './overdue.sql';

/** Steps one run looks at; a run repeats until a batch comes back short. */
export const OVERDUE_BATCH = 500;

/** The agencies' time zones (UTC for one that set none). */
export type TimeZonesOf = (organizationIds: string[]) => Promise<Map<string, string>>;

/** Records `plan.step_overdue` for steps newly past due in their agency's day at `now`; returns how many it recorded. */
export async function recordOverdueSteps(
  dataSource: DataSource,
  timeZonesOf: TimeZonesOf,
  now = new Date(),
  batch = OVERDUE_BATCH,
): Promise<number> {
  let recorded = 0;
  // Steps past due elsewhere but not yet in their own agency stay candidates: each page starts past those seen so far.
  let notYet = 0;
  for (;;) {
    const page = await newlyOverdueSteps(dataSource.manager, now, batch, notYet);
    if (page.length === 0) return recorded;
    const zones = await timeZonesOf([...new Set(page.map((r) => r.organization_id))]);
    const todayOf = (organizationId: string) => localDay(now, zones.get(organizationId));
    const due = page.filter((r) => r.due_on < todayOf(r.organization_id));
    recorded += await dataSource.transaction(async (tx) => {
      const clients = [...new Set(due.map((r) => r.client_id))];
      const overdue = clients.length === 0 ? [] : await overdueStepsOf(tx, clients, latestToday(now));
      // Told (now, or by a run that claimed the once-key first): the next reads pass them by.
      if (due.length > 0) await markToldOverdue(tx, due);
      return recordPlanEvents(
        tx,
        due.map((r) => {
          const today = todayOf(r.organization_id);
          const ids = overdue.filter((o) => o.client_id === r.client_id && o.due_on < today).map((o) => o.step_id);
          return stepOverdue(r, ids);
        }),
      );
    });
    notYet += page.length - due.length;
    if (page.length < batch) return recorded;
  }
}

/** The latest day it is anywhere at `now` (UTC+14). */
const latestToday = (now: Date) => localDay(new Date(now.getTime() + 14 * 3_600_000), 'UTC');

const stepOverdue = (r: NewlyOverdueRow, overdueStepIds: string[]): NewDomainEvent<'plan.step_overdue'> => ({
  type: 'plan.step_overdue',
  aggregateType: PLAN_AGGREGATE,
  aggregateId: r.plan_id,
  organizationId: r.organization_id,
  payload: {
    clientId: r.client_id,
    organizationId: r.organization_id,
    planId: r.plan_id,
    stepId: r.step_id,
    dueOn: r.due_on,
    overdueStepIds,
  },
  onceKey: `plan.step_overdue:${r.step_id}:${r.due_on}`,
});

export function startOverdueStepsJob(dataSource: DataSource, timeZonesOf: TimeZonesOf, ...running: JobRunning): () => Promise<void> {
  const run = () => recordOverdueSteps(dataSource, timeZonesOf);
  return startCountingJob(dataSource, { name: 'plan-step-overdue', schema: 'plans', run, logged: 'plan steps overdue' }, ...running);
}
