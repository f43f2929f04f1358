/**
 * One access mechanism for data keyed by a client.
 *
 * Plans and referrals hold data about clients, but who may see a client —
 * the assigned case manager, the agency's supervisors, partners under an
 * active consent — is known only to the clients subgraph. So the subgraph
 * that holds the data asks the clients subgraph, over the internal channel and
 * on the caller's behalf, for the caller's grants on a batch of clients: one
 * HTTP round trip per request however many rows are involved (a per-request
 * DataLoader gathers the ids). The answer is always fresh, so a revoked
 * consent takes effect at once. If the clients subgraph cannot answer, the
 * question fails closed with UNAVAILABLE: nothing is shown.
 */
import DataLoader from 'dataloader';
import { AppError, forbidden, invalidTransition, notFound } from '@caseflow/core';
import { callInternal } from './internal-client';

export const INFORMATION_KINDS = ['CONTACT_INFO', 'ASSESSMENTS', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES'] as const;
export type InformationKind = (typeof INFORMATION_KINDS)[number];

export const CLIENT_ACCESS_PATH = '/internal/client-access';

/** The caller's rights over one client, as decided by the clients subgraph. */
export interface ClientGrant {
  clientId: string;
  exists: boolean;
  /** The client's agency (null when the client does not exist or the caller may see nothing). */
  organizationId: string | null;
  /** The kinds of the client's information the caller may read. */
  read: InformationKind[];
  /** Whether the caller may change the case (plans, referrals, notes). */
  write: boolean;
  /** The case's status, for callers who may change it (a CLOSED case takes no new plans or referrals). */
  status?: 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED' | null;
  /** The client's active consents, given only to callers who may write (for consent gates). */
  consents: ActiveConsent[];
}

export interface ActiveConsent {
  recipientOrganizationId: string;
  scope: InformationKind[];
  expiresAt: string;
}

export interface ClientAccessRequest {
  clientIds: string[];
}

export interface ClientAccessResponse {
  grants: ClientGrant[];
}

export interface ClientAccessOptions {
  /** Base URL of the clients subgraph, e.g. http://localhost:4001 */
  clientsUrl: string;
  timeoutMs?: number;
}

/** Makes a per-request loader of grants for the caller identified by `internalToken`. */
export function createClientAccessLoader(
  options: ClientAccessOptions,
  internalToken: string,
  requestId: string,
): DataLoader<string, ClientGrant> {
  return new DataLoader<string, ClientGrant>(
    async (ids) => {
      const body = await callInternal<ClientAccessResponse>({
        peer: 'the clients service',
        purpose: 'Client access could not be checked',
        baseUrl: options.clientsUrl,
        path: CLIENT_ACCESS_PATH,
        body: { clientIds: [...ids] } satisfies ClientAccessRequest,
        identity: { token: internalToken },
        requestId,
        idempotent: true,
        timeoutMs: options.timeoutMs,
      });
      const byId = new Map(body.grants.map((g) => [g.clientId, g]));
      return ids.map((id) => byId.get(id) ?? new AppError('UNAVAILABLE', 'Client access answer was incomplete'));
    },
    { maxBatchSize: 1000 },
  );
}

/** A grant that allows nothing (for ids that are not UUIDs, or unknown clients). */
export function noGrant(clientId: string, exists = false): ClientGrant {
  return { clientId, exists, organizationId: null, read: [], write: false, consents: [] };
}

export function canRead(grant: ClientGrant, kind: InformationKind): boolean {
  return grant.exists && grant.read.includes(kind);
}

/** Throws NOT_FOUND for an unknown client, FORBIDDEN when the caller may not read `kind`. */
export function assertCanRead(grant: ClientGrant, kind: InformationKind): void {
  if (!grant.exists) throw notFound('Client', grant.clientId);
  if (!grant.read.includes(kind)) throw forbidden(`You may not read this client's ${kind.toLowerCase().replace('_', ' ')}`);
}

/** Throws NOT_FOUND for an unknown client, FORBIDDEN when the caller may not change the case. */
export function assertCanWrite(grant: ClientGrant): void {
  if (!grant.exists) throw notFound('Client', grant.clientId);
  if (!grant.write) throw forbidden("You may not change this client's case");
}

/** Throws INVALID_TRANSITION when the case is closed: it must be re-opened before new work is planned or referred. */
export function assertCaseOpen(grant: ClientGrant): void {
  if (grant.status === 'CLOSED') throw invalidTransition("The client's case is closed; re-open it first", { status: 'CLOSED' });
}

/**
 * For reading a client's audit trail: the caller must be a supervisor with
 * case access to the client (i.e. of the client's agency). Asked of the
 * clients subgraph; fails closed.
 */
export async function assertSupervisorOfClient(
  options: ClientAccessOptions,
  actor: { role: string },
  internalToken: string,
  requestId: string,
  clientId: string,
): Promise<void> {
  if (actor.role !== 'SUPERVISOR') throw forbidden("Only a supervisor reads a client's audit trail");
  const grant = await createClientAccessLoader(options, internalToken, requestId).load(clientId);
  assertCanWrite(grant);
}
