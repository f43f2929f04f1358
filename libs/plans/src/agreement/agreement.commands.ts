import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { badInput, notFound } from '@caseflow/core';
import type { NewDomainEvent } from '@caseflow/events';
import { inLockedPlan, type LockedPlan, type PlanWriteDeps } from '../plan/plan.change';
import { ActionPlanEntity } from '../plan/plan.entity';
import { PLAN_AGGREGATE, recordPlanEvents } from '../plan/plan.events';
import { toActionPlan } from '../plan/plan.mapper';
import { checkVersion, expectStatus } from '../plan/plan.rules';
import type { ActionPlan } from '../plan/plan.type';
import { PlanAgreementEntity } from './agreement.entity';
import { AGREEABLE_STATUSES, checkMethod, checkNote } from './agreement.rules';

export const planAgreed = (plan: LockedPlan, version: number): NewDomainEvent<'plan.agreed'> => ({
  type: 'plan.agreed',
  aggregateType: PLAN_AGGREGATE,
  aggregateId: plan.id,
  organizationId: plan.organizationId,
  payload: { clientId: plan.clientId, organizationId: plan.organizationId, planId: plan.id, version },
});

/**
 * Recording the client's agreement to the version of a plan they were
 * shown. The same path as a change to the plan (plan.change.ts): checked
 * input, the caller's right to change the case, the plan locked at the
 * version the caller read (CONFLICT otherwise), its status (ACTIVE only);
 * then the agreement row, `plan.agreed` in the outbox and the audit event in
 * one transaction. It is not a revision: the version does not move, so the
 * agreement stays current until the next revision.
 */
export class AgreementCommands {
  constructor(private readonly deps: PlanWriteDeps) {}

  async record(actor: Actor, planId: string, expectedVersion: number, method: string, note?: string | null): Promise<ActionPlan> {
    if (!isUuid(planId)) throw badInput('planId', 'must be a UUID');
    checkVersion('expectedVersion', expectedVersion);
    const how = checkMethod('method', method);
    const text = checkNote('note', note);
    const plan = await this.deps.loaders.plan.load(planId);
    if (!plan) throw notFound('ActionPlan', planId);
    await this.deps.access.assertMayWrite(actor, plan.clientId, 'CREATE', 'PlanAgreement', plan.id);

    return inLockedPlan(this.deps, plan.id, expectedVersion, async (tx, locked) => {
      expectStatus(locked, AGREEABLE_STATUSES, "recording the client's agreement");
      const id = randomUUID();
      await tx.insert(PlanAgreementEntity, {
        id,
        planId: locked.id,
        planVersion: locked.version,
        method: how,
        agreedAt: () => 'now()',
        recordedBy: actor.staffId,
        note: text,
      });
      await recordPlanEvents(tx, [planAgreed(locked, locked.version)]);
      await this.deps.audit.write(tx, {
        action: 'CREATE',
        entityType: 'PlanAgreement',
        entityId: id,
        clientId: locked.clientId,
        detail: `${how} on plan ${locked.id} version ${locked.version}`,
      });
      return this.answer(tx, locked.id);
    });
  }

  private async answer(tx: EntityManager, planId: string): Promise<ActionPlan> {
    return toActionPlan(await tx.getRepository(ActionPlanEntity).findOneByOrFail({ id: planId }));
  }
}
