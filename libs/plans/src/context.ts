import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type ClientGrant, createClientAccessLoader } from '@caseflow/auth';
import type { RequestContext, SubgraphRuntimeOptions } from '@caseflow/federation';
import { AttainmentService } from './attainment/attainment.service';
import { GoalChanges } from './goal/goal-changes.service';
import { GoalService } from './goal/goal.service';
import { createPlansLoaders, type PlansLoaders } from './loaders';
import { PlanChanges } from './plan/plan-changes.service';
import { PlanService } from './plan/plan.service';
import { RankingService } from './ranking/ranking.service';
import { PlanAccess } from './shared/plan-access';
import { StepChanges } from './step/step-changes.service';
import { calendarDate } from './step/step.rules';
import { TaskService } from './task/task.service';

export interface PlansContext extends RequestContext {
  loaders: PlansLoaders;
  /** The caller's grants on clients, asked of the clients subgraph in one call per request. */
  access: DataLoader<string, ClientGrant>;
  plans: PlanService;
  goals: GoalService;
  tasks: TaskService;
  planChanges: PlanChanges;
  goalChanges: GoalChanges;
  stepChanges: StepChanges;
  rankings: RankingService;
  attainment: AttainmentService;
}

export function createPlansContext(
  dataSource: DataSource,
  base: RequestContext,
  options: Pick<SubgraphRuntimeOptions, 'peerUrls' | 'peerTimeoutMs'>,
): PlansContext {
  const today = calendarDate(new Date());
  const loaders = createPlansLoaders(dataSource, today);
  const access = createClientAccessLoader(
    { clientsUrl: options.peerUrls?.clients ?? '', timeoutMs: options.peerTimeoutMs },
    base.internalToken,
    base.requestId,
  );
  const planAccess = new PlanAccess(access, base.audit);
  const writes = { dataSource, loaders, access: planAccess, audit: base.audit, today };
  return {
    ...base,
    loaders,
    access,
    plans: new PlanService(loaders, planAccess),
    goals: new GoalService(loaders, planAccess),
    tasks: new TaskService(loaders, today),
    planChanges: new PlanChanges(writes),
    goalChanges: new GoalChanges(writes),
    stepChanges: new StepChanges(writes),
    rankings: new RankingService(dataSource, loaders, planAccess, base.audit),
    attainment: new AttainmentService(dataSource, base.audit),
  };
}
