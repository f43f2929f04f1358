import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { type ClientGrant, createClientAccessLoader } from '@caseflow/auth';
import { unavailable } from '@caseflow/core';
import { anyOf } from '@caseflow/db';
import { groupLoader, rowLoader, type RequestContext, type SubgraphRuntimeOptions } from '@caseflow/federation';
import { PLAN_GOALS, type PlanGoal } from './goal/plan-goals';
import { type PeerAddress, peerEntitiesLoader } from './peer-entities';
import { ReferralEntity, type ReferralEventEntity } from './referral/referral.entity';
import { eventsByIds, eventsOfReferrals, referralsById, referralsOfClients } from './referral/referral.sql';
import { REFERRAL_STATUSES, type ReferralStatus } from './referral/referral.transitions';
import { DIRECTORY_SERVICES, type DirectoryService } from './service/service-directory';

/** Per-request loaders: every lookup of one request is one SQL statement per batch. */
export interface ReferralsLoaders {
  referral: DataLoader<string, ReferralEntity | null>;
  event: DataLoader<string, ReferralEventEntity | null>;
  /**
   * A client's referrals of some statuses (all when none is named), newest
   * first: one loader per distinct set of statuses in the request.
   */
  referralsByClient: (statuses: readonly ReferralStatus[] | null | undefined) => DataLoader<string, ReferralEntity[]>;
  /** A goal's referrals, newest first. */
  referralsByGoal: DataLoader<string, ReferralEntity[]>;
  /** A referral's history, oldest first. */
  eventsByReferral: DataLoader<string, ReferralEventEntity[]>;
}

/** The other subgraphs this one asks, per request, on the caller's behalf. */
export interface ReferralsPeers {
  /** The caller's grants on clients, asked of the clients subgraph: one round trip per request. */
  access: DataLoader<string, ClientGrant>;
  /** Services of the directory, asked of the resources subgraph: one round trip per request. */
  directory: DataLoader<string, DirectoryService | null>;
  /** Goals of client plans, asked of the plans subgraph: one round trip per request. */
  goals: DataLoader<string, PlanGoal | null>;
}

/**
 * Referrals by id and by client, and the events of a history, are prepared
 * reads (`referral.sql.ts`): they are on every caseload's and profile's path.
 */
export function createReferralsLoaders(dataSource: DataSource): ReferralsLoaders {
  const referrals = dataSource.getRepository(ReferralEntity);
  const byClient = new Map<string, DataLoader<string, ReferralEntity[]>>();
  return {
    referral: rowLoader(
      (ids) => referralsById(dataSource, ids),
      (r) => r.id,
    ),
    event: rowLoader(
      (ids) => eventsByIds(dataSource, ids),
      (e) => e.id,
    ),
    referralsByClient: (statuses) => {
      const wanted = statuses?.length ? [...new Set(statuses)].sort() : [...REFERRAL_STATUSES];
      const key = wanted.join(',');
      let loader = byClient.get(key);
      if (!loader) {
        loader = groupLoader(
          (clientIds) => referralsOfClients(dataSource, clientIds, wanted),
          (r) => r.clientId,
        );
        byClient.set(key, loader);
      }
      return loader;
    },
    referralsByGoal: groupLoader(
      (goalIds) => referrals.find({ where: { goalId: anyOf(goalIds) }, order: { createdAt: 'DESC', id: 'DESC' } }),
      (r) => r.goalId as string,
    ),
    eventsByReferral: groupLoader(
      (referralIds) => eventsOfReferrals(dataSource, referralIds),
      (e) => e.referralId,
    ),
  };
}

/** Without the clients subgraph's address no client access can be checked: every question fails closed. */
function clientAccess(options: SubgraphRuntimeOptions, base: RequestContext): DataLoader<string, ClientGrant> {
  const clientsUrl = options.peerUrls?.clients;
  if (!clientsUrl) {
    return new DataLoader<string, ClientGrant>(async () => {
      throw unavailable('Client access could not be checked (the clients service is not configured)');
    });
  }
  return createClientAccessLoader({ clientsUrl, timeoutMs: options.peerTimeoutMs }, base.internalToken, base.requestId);
}

export function createReferralsPeers(options: SubgraphRuntimeOptions, base: RequestContext): ReferralsPeers {
  const at = (url: string | undefined): PeerAddress => ({
    url,
    timeoutMs: options.peerTimeoutMs,
    internalToken: base.internalToken,
    requestId: base.requestId,
  });
  return {
    access: clientAccess(options, base),
    directory: peerEntitiesLoader(at(options.peerUrls?.resources), DIRECTORY_SERVICES),
    goals: peerEntitiesLoader(at(options.peerUrls?.plans), PLAN_GOALS),
  };
}
