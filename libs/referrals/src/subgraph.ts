import type { GraphQLSchema } from 'graphql';
import { fetchOrganizationTimeZones } from '@caseflow/auth';
import { AUDIT_TRAIL_PATH, auditTrailRoute, buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { caseloadSummary } from './caseload/caseload-summary';
import { ClientReferralsResolver } from './client/client-referrals.resolver';
import { clientReferences } from './client/client.ref';
import { createReferralsContext, type ReferralsContext } from './context';
import { DEFAULT_JOB_INTERVAL_MS, startExpirySweep } from './expiry/expiry.job';
import { startFollowUpJob } from './follow-up/follow-up.job';
import { GoalReferralsResolver } from './goal/goal-referrals.resolver';
import { goalReferenceResolvers } from './goal/goal.reference';
import { InitReferrals1763856000002 } from './migrations/1763856000002-InitReferrals';
import { ClosedLoopReferrals1763856000012 } from './migrations/1763856000012-ClosedLoopReferrals';
import { CoveringOutcomesIndex1763856000022 } from './migrations/1763856000022-CoveringOutcomesIndex';
import { ReferralAuthz1764547200032 } from './migrations/1764547200032-ReferralAuthz';
import { ReferralScheduledJobs1764806400042 } from './migrations/1764806400042-ReferralScheduledJobs';
import { ReferralsOutbox1764892800052 } from './migrations/1764892800052-ReferralsOutbox';
import { ReferralNames1764892800062 } from './migrations/1764892800062-ReferralNames';
import { TeamCaseloadIndex1765152000096 } from './migrations/1765152000096-TeamCaseloadIndex';
import { OpenReferralsOfClients1765497600104 } from './migrations/1765497600104-OpenReferralsOfClients';
import { OrganizationReferralsResolver } from './organization/organization-referrals.resolver';
import { organizationReferenceResolvers } from './organization/organization.reference';
import { OutcomesResolver } from './outcomes/outcomes.resolver';
import { ReferralEntity, ReferralEventEntity } from './referral/referral.entity';
import { referralReferenceResolvers } from './referral/referral.reference';
import { ReferralResolver } from './referral/referral.resolver';

export function buildReferralsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ReferralResolver,
      ClientReferralsResolver,
      GoalReferralsResolver,
      OrganizationReferralsResolver,
      OutcomesResolver,
      caseloadSummary.resolver,
    ],
    // Reached by no field of this subgraph: the gateway asks for it by key only.
    orphanedTypes: [caseloadSummary.type],
    referenceResolvers: {
      ...referralReferenceResolvers,
      ...clientReferences,
      ...goalReferenceResolvers,
      ...organizationReferenceResolvers,
      ...caseloadSummary.references,
    },
  });
}

/**
 * The referrals subgraph: closed-loop referrals and their history, the
 * fields it adds to Client, Goal and Organization, outcome figures, the
 * expiry sweep and the follow-ups due today (every `jobIntervalMs`, one
 * minute by default).
 */
export const referralsSubgraph: SubgraphDefinition<ReferralsContext> = {
  name: 'referrals',
  // Client access from clients, the directory's services from resources, a plan's goals from plans.
  peers: { clients: 'http://127.0.0.1:4001', plans: 'http://127.0.0.1:4002', resources: 'http://127.0.0.1:4004' },
  dbSchema: 'referrals',
  entities: [ReferralEntity, ReferralEventEntity],
  migrations: [
    InitReferrals1763856000002,
    ClosedLoopReferrals1763856000012,
    CoveringOutcomesIndex1763856000022,
    ReferralAuthz1764547200032,
    ReferralScheduledJobs1764806400042,
    ReferralsOutbox1764892800052,
    ReferralNames1764892800062,
    TeamCaseloadIndex1765152000096,
    OpenReferralsOfClients1765497600104,
  ],
  buildSchema: buildReferralsSchema,
  createContext: (dataSource, base, options) => createReferralsContext(dataSource, base, options),
  internalRoutes: (dataSource, options) => ({
    [AUDIT_TRAIL_PATH]: auditTrailRoute(dataSource, 'referrals', {
      clientsUrl: options.peerUrls?.clients ?? '',
      timeoutMs: options.peerTimeoutMs,
    }),
  }),
  start: (dataSource, options) => {
    const intervalMs = options.jobIntervalMs ?? DEFAULT_JOB_INTERVAL_MS;
    const clients = {
      clientsUrl: options.peerUrls?.clients ?? '',
      internalSecret: options.internalSecret,
      timeoutMs: options.peerTimeoutMs,
    };
    const stops = [
      startExpirySweep(dataSource, intervalMs, options.logger, options.metrics),
      startFollowUpJob(dataSource, (ids) => fetchOrganizationTimeZones(clients, ids), intervalMs, options.logger, options.metrics),
    ];
    return async () => {
      await Promise.all(stops.map((stop) => stop()));
    };
  },
};
