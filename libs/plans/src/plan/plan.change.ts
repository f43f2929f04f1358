import type { DataSource, EntityManager } from 'typeorm';
import type { AuditTrail } from '@caseflow/audit';
import { notFound } from '@caseflow/core';
import type { PlanAccess } from '../access/plan-access';
import { clearLoaders, type PlansLoaders } from '../loaders';
import { expectVersion, type LockedPlan, lockPlan } from './plan.store';

/** What the commands that change plans share, for one request. */
export interface PlanWriteDeps {
  dataSource: DataSource;
  loaders: PlansLoaders;
  access: PlanAccess;
  audit: AuditTrail;
  /** The request's calendar date (UTC). */
  today: string;
}

/**
 * Runs one change to an existing plan in one transaction: the plan is locked
 * and must still be at the version the caller read (CONFLICT otherwise)
 * before `work` writes; any error rolls everything back. The caller's right
 * to change the case is checked before this (PlanAccess.assertMayWrite). The
 * request's loaders are cleared afterwards, so that what the mutation
 * returns is read after the change.
 */
export async function inLockedPlan<T>(
  deps: PlanWriteDeps,
  planId: string,
  expectedVersion: number,
  work: (tx: EntityManager, plan: LockedPlan) => Promise<T>,
): Promise<T> {
  const result = await deps.dataSource.transaction(async (tx) => {
    const plan = await lockPlan(tx, planId);
    if (!plan) throw notFound('ActionPlan', planId);
    expectVersion(plan, expectedVersion);
    return work(tx, plan);
  });
  clearLoaders(deps.loaders);
  return result;
}
