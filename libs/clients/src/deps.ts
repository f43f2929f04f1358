import type DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Actor, ClientGrant } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import type { ReferralPeer } from './appointment/appointment.peers';
import type { AuditPeers } from './audit/audit-peers';
import type { ClientsLoaders } from './loaders';
import type { PeerContext } from './organization/organization.peers';

/** The request's identity, passed on to the peers so that each checks the same caller. */
export interface PeerIdentity {
  internalToken: string;
  requestId: string;
}

/** How this subgraph reaches the other subgraphs, as the caller of the request. */
export interface ClientsPeers {
  /** The referrals subgraph, asked for the referral of a PARTNER_VISIT. */
  referrals: ReferralPeer;
  /** The directory (the resources subgraph), asked whether an organization is one of its own. */
  directory: PeerContext;
  /** The plans and referrals subgraphs, asked for their part of a client's audit trail. */
  auditTrail: AuditPeers;
  identity: PeerIdentity;
}

/**
 * What the commands and queries of the clients subgraph share, for one
 * request: built once in context.ts and passed whole to each of them (as the
 * plans subgraph does with `PlanWriteDeps`).
 */
export interface ClientsDeps {
  dataSource: DataSource;
  loaders: ClientsLoaders;
  audit: AuditTrail;
  /** The caller of the request. */
  actor: Actor;
  peers: ClientsPeers;
  /** The calendar feed's signing secret and the dashboard address its links point to. */
  calendar: { internalSecret: string; dashboardUrl: string };
  /** The caller's grants on clients by the one access rule, for the grants this subgraph signs into `Client.accessGrant`. */
  grants: DataLoader<string, ClientGrant>;
}
