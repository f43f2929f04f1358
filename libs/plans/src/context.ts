import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type ClientGrant, createClientAccessLoader, createGrantPrimer } from '@caseflow/auth';
import { type RequestContext, type SubgraphRuntimeOptions, TeamCaseloads } from '@caseflow/federation';
import { PlanAccess } from './access/plan-access';
import { AgreementCommands } from './agreement/agreement.commands';
import { AgreementQueries } from './agreement/agreement.queries';
import { AttainmentQueries } from './attainment/attainment.queries';
import { overdueStepsByClient } from './caseload/caseload-summary';
import { GoalCommands } from './goal/goal.commands';
import { GoalQueries } from './goal/goal.queries';
import { createPlansLoaders, type PlansLoaders } from './loaders';
import { PlanCommands } from './plan/plan.commands';
import { PlanQueries } from './plan/plan.queries';
import { RankingCommands } from './ranking/ranking.commands';
import { RankingQueries } from './ranking/ranking.queries';
import { StepCommands } from './step/step.commands';
import { StepQueries } from './step/step.queries';
import { TaskCommands } from './task/task.commands';
import { TaskQueries } from './task/task.queries';
import { requestToday, timeZoneOf } from './today';

export interface PlansContext extends RequestContext {
  loaders: PlansLoaders;
  /** The caller's grants on clients, asked of the clients subgraph in one call per request. */
  access: DataLoader<string, ClientGrant>;
  /** Primes `access` from a grant the clients subgraph signed into the entity, when it verifies (grant-token.ts). */
  acceptGrant(clientId: string, token: unknown): void;
  plans: PlanQueries;
  planCommands: PlanCommands;
  goals: GoalQueries;
  goalCommands: GoalCommands;
  tasks: TaskQueries;
  taskCommands: TaskCommands;
  steps: StepQueries;
  stepCommands: StepCommands;
  rankings: RankingQueries;
  rankingCommands: RankingCommands;
  attainment: AttainmentQueries;
  agreements: AgreementQueries;
  agreementCommands: AgreementCommands;
  /** A supervisor's team caseloads: the overdue steps of each case manager's open clients. */
  teamCaseloads: TeamCaseloads;
}

export function createPlansContext(
  dataSource: DataSource,
  base: RequestContext,
  options: Pick<SubgraphRuntimeOptions, 'peerUrls' | 'peerTimeoutMs' | 'internalSecret'>,
): PlansContext {
  const clients = { clientsUrl: options.peerUrls?.clients ?? '', internalSecret: options.internalSecret, timeoutMs: options.peerTimeoutMs };
  const today = requestToday(timeZoneOf(clients), base.actor.organizationId, base.logger);
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
    acceptGrant: createGrantPrimer(access, base, options.internalSecret),
    plans: new PlanQueries(loaders, planAccess),
    planCommands: new PlanCommands(writes),
    goals: new GoalQueries(loaders, planAccess),
    goalCommands: new GoalCommands(writes),
    tasks: new TaskQueries(loaders),
    taskCommands: new TaskCommands(writes),
    steps: new StepQueries(loaders, today),
    stepCommands: new StepCommands(writes),
    rankings: new RankingQueries(loaders, planAccess),
    rankingCommands: new RankingCommands(dataSource, loaders, planAccess, base.audit),
    attainment: new AttainmentQueries(dataSource, base.audit),
    agreements: new AgreementQueries(loaders),
    agreementCommands: new AgreementCommands(writes),
    teamCaseloads: new TeamCaseloads(base, options.internalSecret, overdueStepsByClient(dataSource.manager, today)),
  };
}
