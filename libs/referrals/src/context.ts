import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { type ClientGrant, createClientAccessLoader } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';
import { groupLoader, rowLoader, type RequestContext, type SubgraphRuntimeOptions } from '@caseflow/federation';
import { ReferralEventEntity } from './referral/referral-event.entity';
import { ReferralEntity } from './referral/referral.entity';
import { ReferralService } from './referral/referral.service';

/** Per-request loaders: every lookup of one request is one SQL statement per batch. */
export interface ReferralsLoaders {
  referral: DataLoader<string, ReferralEntity | null>;
  event: DataLoader<string, ReferralEventEntity | null>;
  /** A client's referrals, newest first. */
  referralsByClient: DataLoader<string, ReferralEntity[]>;
  /** A referral's history, oldest first. */
  eventsByReferral: DataLoader<string, ReferralEventEntity[]>;
}

export interface ReferralsContext extends RequestContext {
  loaders: ReferralsLoaders;
  /** The caller's grants on clients, asked of the clients subgraph: one round trip per request. */
  access: DataLoader<string, ClientGrant>;
  referrals: ReferralService;
}

export function createReferralsLoaders(dataSource: DataSource): ReferralsLoaders {
  const referrals = dataSource.getRepository(ReferralEntity);
  const events = dataSource.getRepository(ReferralEventEntity);
  return {
    referral: rowLoader((ids) => referrals.findBy({ id: In(ids) }), (r) => r.id),
    event: rowLoader((ids) => events.findBy({ id: In(ids) }), (e) => e.id),
    referralsByClient: groupLoader(
      (clientIds) => referrals.find({ where: { clientId: In(clientIds) }, order: { createdAt: 'DESC', id: 'DESC' } }),
      (r) => r.clientId,
    ),
    eventsByReferral: groupLoader(
      (referralIds) => events.find({ where: { referralId: In(referralIds) }, order: { at: 'ASC', id: 'ASC' } }),
      (e) => e.referralId,
    ),
  };
}

/** Without the clients subgraph's address no client access can be checked: every question fails closed. */
function clientAccess(options: SubgraphRuntimeOptions, base: RequestContext): DataLoader<string, ClientGrant> {
  if (!options.clientsUrl) {
    return new DataLoader<string, ClientGrant>(async () => {
      throw unavailable('Client access could not be checked (the clients service is not configured)');
    });
  }
  return createClientAccessLoader({ clientsUrl: options.clientsUrl, timeoutMs: options.peerTimeoutMs }, base.internalToken, base.requestId);
}

export function createReferralsContext(dataSource: DataSource, base: RequestContext, options: SubgraphRuntimeOptions): ReferralsContext {
  const loaders = createReferralsLoaders(dataSource);
  const access = clientAccess(options, base);
  return {
    ...base,
    loaders,
    access,
    referrals: new ReferralService(loaders, access, base.audit),
  };
}
