/**
 * The directory's names, read whole: every service's name and the name of
 * the organization that offers it, as the resources subgraph (which owns the
 * directory) has them. The referrals subgraph keeps them to answer a
 * referral's `service { name organization { id name } }` itself (its
 * `@provides`), so that a caseload does not cross to the resources subgraph
 * for two names per referral. Names of agencies and their services are
 * public directory data: no client data crosses here.
 *
 * The read is the service's own question (no person is behind it), signed
 * for the service actor, in keyset pages ordered by service id.
 */
import { randomUUID } from 'node:crypto';
import { callInternal } from './internal-client';
import { SERVICE_ACTOR } from './organization-time-zones';

export const SERVICE_NAMES_PATH = '/internal/service-names';

/** The most services one page lists (the reader asks for pages until one is short). */
export const SERVICE_NAMES_PAGE_SIZE = 5000;

/** The most services a whole read keeps: beyond it the reader stops and keeps what it has (the rest are asked one request at a time). */
export const MAX_SERVICE_NAMES = 500_000;

export interface ServiceNamesRequest {
  /** The last service id of the previous page (none for the first page). */
  after?: string | null;
  /** Services per page: 1 to SERVICE_NAMES_PAGE_SIZE (the default). */
  limit?: number;
}

export interface ServiceName {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

export interface ServiceNamesResponse {
  /** Ordered by id; shorter than the limit on the last page. */
  services: ServiceName[];
}

/** How a service reaches the resources subgraph for the directory's names. */
export interface ResourcesServiceOptions {
  /** Base URL of the resources subgraph (or its replicas, comma-separated). */
  resourcesUrl: string;
  internalSecret: string;
  timeoutMs?: number;
  pageSize?: number;
}

/** Every service's names, page after page; UNAVAILABLE when the resources subgraph cannot answer. */
export async function fetchServiceNames(options: ResourcesServiceOptions): Promise<ServiceName[]> {
  const limit = options.pageSize ?? SERVICE_NAMES_PAGE_SIZE;
  const all: ServiceName[] = [];
  let after: string | null = null;
  while (all.length < MAX_SERVICE_NAMES) {
    const page: ServiceNamesResponse = await callInternal<ServiceNamesResponse>({
      peer: 'the resources service',
      purpose: "The directory's names could not be read",
      baseUrl: options.resourcesUrl,
      path: SERVICE_NAMES_PATH,
      body: { after, limit } satisfies ServiceNamesRequest,
      identity: { actor: SERVICE_ACTOR, secret: options.internalSecret },
      requestId: randomUUID(),
      idempotent: true,
      timeoutMs: options.timeoutMs,
    });
    const services = Array.isArray(page.services) ? page.services : [];
    all.push(...services);
    if (services.length < limit) break;
    after = services[services.length - 1].id;
  }
  return all;
}
