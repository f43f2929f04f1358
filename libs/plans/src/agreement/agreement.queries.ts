import type { PlansLoaders } from '../loaders';
import type { PlanStatus } from '../plan/plan.entity';
import { toPlanAgreement } from './agreement.mapper';
import { currentAgreement, isAwaitingAgreement } from './agreement.rules';
import type { PlanAgreement } from './agreement.type';

interface PlanShown {
  id: string;
  status: PlanStatus;
  version: number;
}

/**
 * A plan's agreements, for a plan the caller was already allowed to read
 * (the plan's own read is the audited one). All three fields come from one
 * batched load: any number of plans in a request, one statement.
 */
export class AgreementQueries {
  constructor(private readonly loaders: PlansLoaders) {}

  /** The agreement to the plan's current version, or null. */
  async currentOf(plan: PlanShown): Promise<PlanAgreement | null> {
    const agreement = currentAgreement(plan, await this.loaders.agreementsByPlan.load(plan.id));
    return agreement ? toPlanAgreement(agreement) : null;
  }

  /** Every agreement to the plan, newest first. */
  async historyOf(plan: PlanShown): Promise<PlanAgreement[]> {
    return (await this.loaders.agreementsByPlan.load(plan.id)).map(toPlanAgreement);
  }

  /** True for an ACTIVE plan without an agreement to its current version. */
  async awaiting(plan: PlanShown): Promise<boolean> {
    return isAwaitingAgreement(plan, await this.loaders.agreementsByPlan.load(plan.id));
  }
}
