import type { GraphQLSchema } from 'graphql';
import { fetchOrganizationTimeZones } from '@caseflow/auth';
import { AUDIT_TRAIL_PATH, auditTrailRoute, buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { AgreementResolver } from './agreement/agreement.resolver';
import { PlanAgreementEntity } from './agreement/agreement.entity';
import { AttainmentResolver } from './attainment/attainment.resolver';
import { ClientPlansResolver } from './client/client-plans.resolver';
import { caseloadSummary } from './caseload/caseload-summary';
import { clientReferences } from './client/client.ref';
import { createPlansContext, type PlansContext } from './context';
import { GoalEntity } from './goal/goal.entity';
import { goalReferences } from './goal/goal.reference';
import { GoalResolver } from './goal/goal.resolver';
import { InitPlans1763856000001 } from './migrations/1763856000001-InitPlans';
import { PlanRevisionsAndRankings1763856000011 } from './migrations/1763856000011-PlanRevisionsAndRankings';
import { CoveringIndexes1763856000021 } from './migrations/1763856000021-CoveringIndexes';
import { PlansOutbox1764892800051 } from './migrations/1764892800051-PlansOutbox';
import { PlansScheduledJobs1764892800061 } from './migrations/1764892800061-PlansScheduledJobs';
import { TeamCaseloadIndex1765152000095 } from './migrations/1765152000095-TeamCaseloadIndex';
import { PlanAgreements1765065600083 } from './migrations/1765065600083-PlanAgreements';
import { PlanProgress1765497600103 } from './migrations/1765497600103-PlanProgress';
import { OverdueToldOn1765584000105 } from './migrations/1765584000105-OverdueToldOn';
import { ActionPlanEntity } from './plan/plan.entity';
import { planReferences } from './plan/plan.reference';
import { PlanResolver } from './plan/plan.resolver';
import { PriorityRankingEntity } from './ranking/ranking.entity';
import { rankingReferences } from './ranking/ranking.reference';
import { RankingResolver } from './ranking/ranking.resolver';
import { PlanRevisionEntity } from './revision/revision.entity';
import { startOverdueStepsJob } from './step/overdue.job';
import { PlanStepEntity } from './step/step.entity';
import { StepResolver } from './step/step.resolver';
import { PlanTaskEntity } from './task/task.entity';
import { TaskResolver } from './task/task.resolver';

export function buildPlansSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      PlanResolver,
      GoalResolver,
      TaskResolver,
      StepResolver,
      ClientPlansResolver,
      RankingResolver,
      AttainmentResolver,
      AgreementResolver,
      caseloadSummary.resolver,
    ],
    // Reached by no field of this subgraph: the gateway asks for it by key only.
    orphanedTypes: [caseloadSummary.type],
    referenceResolvers: {
      ...planReferences,
      ...goalReferences,
      ...rankingReferences,
      ...clientReferences,
      ...caseloadSummary.references,
    },
  });
}

/**
 * The plans subgraph: action plans with their goals, tasks, steps and
 * revisions, prioritizing grids, goal attainment, the plan fields of Client,
 * and the job that tells of steps newly overdue (every `jobIntervalMs`).
 */
export const plansSubgraph: SubgraphDefinition<PlansContext> = {
  name: 'plans',
  // Client access and supervision are decided by the clients subgraph.
  peers: { clients: 'http://127.0.0.1:4001' },
  dbSchema: 'plans',
  entities: [ActionPlanEntity, GoalEntity, PlanTaskEntity, PlanStepEntity, PlanRevisionEntity, PriorityRankingEntity, PlanAgreementEntity],
  migrations: [
    InitPlans1763856000001,
    PlanRevisionsAndRankings1763856000011,
    CoveringIndexes1763856000021,
    PlansOutbox1764892800051,
    PlansScheduledJobs1764892800061,
    PlanAgreements1765065600083,
    TeamCaseloadIndex1765152000095,
    PlanProgress1765497600103,
    OverdueToldOn1765584000105,
  ],
  buildSchema: buildPlansSchema,
  createContext: (dataSource, base, options) => createPlansContext(dataSource, base, options),
  internalRoutes: (dataSource, options) => ({
    [AUDIT_TRAIL_PATH]: auditTrailRoute(dataSource, 'plans', {
      clientsUrl: options.peerUrls?.clients ?? '',
      timeoutMs: options.peerTimeoutMs,
    }),
  }),
  start: (dataSource, options) => {
    const clients = {
      clientsUrl: options.peerUrls?.clients ?? '',
      internalSecret: options.internalSecret,
      timeoutMs: options.peerTimeoutMs,
    };
    return startOverdueStepsJob(
      dataSource,
      (ids) => fetchOrganizationTimeZones(clients, ids),
      options.jobIntervalMs ?? 60_000,
      options.logger,
      options.metrics,
    );
  },
};
