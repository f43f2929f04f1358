import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type ClientGrant, createGrantPrimer } from '@caseflow/auth';
import { type RequestContext, type SubgraphRuntimeOptions, TeamCaseloads } from '@caseflow/federation';
import { awaitingAnswerCounts } from './caseload/caseload-summary';
import { createReferralsLoaders, createReferralsPeers, type ReferralsLoaders } from './loaders';
import { OutcomesQueries } from './outcomes/outcomes.queries';
import { ReferralCommands } from './referral/referral.commands';
import { ReferralQueries } from './referral/referral.queries';
import { type ProvidedService, provideService, serviceNamesFor } from './service/service-names';

export interface ReferralsContext extends RequestContext {
  loaders: ReferralsLoaders;
  access: DataLoader<string, ClientGrant>;
  /** Primes `access` from a grant the clients subgraph signed into the entity, when it verifies (grant-token.ts). */
  acceptGrant(clientId: string, token: unknown): void;
  referrals: ReferralQueries;
  referralCommands: ReferralCommands;
  outcomes: OutcomesQueries;
  /** A supervisor's team caseloads: the referrals awaiting an answer of each case manager's open clients. */
  teamCaseloads: TeamCaseloads;
  /** A referral's service with its names (service-names.ts); null when the directory does not know it. */
  service(serviceId: string): Promise<ProvidedService | null>;
}

export function createReferralsContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): ReferralsContext {
  const loaders = createReferralsLoaders(dataSource);
  const peers = createReferralsPeers(options, base);
  const names = serviceNamesFor(options);
  return {
    ...base,
    loaders,
    access: peers.access,
    acceptGrant: createGrantPrimer(peers.access, base, options.internalSecret),
    referrals: new ReferralQueries(dataSource, loaders, peers.access, base.audit),
    referralCommands: new ReferralCommands(dataSource, loaders, peers, base.audit),
    outcomes: new OutcomesQueries(dataSource, base.audit),
    teamCaseloads: new TeamCaseloads(base, options.internalSecret, awaitingAnswerCounts(dataSource.manager)),
    service: (serviceId) => provideService(serviceId, names, peers.directory),
  };
}
