/**
 * The agencies' time zones, asked of the clients subgraph (which keeps the
 * agency settings) over the internal channel: what "today" means for an
 * agency's overdue steps, follow-ups and daily jobs. An agency that has not
 * set one is in UTC. The route answers any Caseflow service (the internal
 * token proves it is one): a time zone is not client data.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_ZONE } from '@caseflow/core';
import type { Actor } from './actor';
import { callInternal } from './internal-client';

export const ORGANIZATION_TIME_ZONES_PATH = '/internal/organization-time-zones';

/** The longest an answer is trusted by `createTimeZoneCache`. */
export const TIME_ZONE_CACHE_TTL_MS = 60_000;

export interface OrganizationTimeZonesRequest {
  organizationIds: string[];
}

export interface OrganizationTimeZonesResponse {
  /** Organization id → IANA time zone; an organization left out is in UTC. */
  timeZones: Record<string, string>;
}

export interface TimeZonePeer {
  /** Base URL of the clients subgraph (or its replicas, separated by commas). */
  clientsUrl: string;
  internalSecret: string;
  timeoutMs?: number;
}

/** The identity a background job signs its internal calls with: no staff member, no agency. */
const SYSTEM_CALLER: Actor = {
  staffId: '00000000-0000-0000-0000-000000000000',
  role: 'ADMIN',
  organizationId: '00000000-0000-0000-0000-000000000000',
};

/** Each organization's time zone (UTC for one that set none); UNAVAILABLE when the clients subgraph cannot answer. */
export async function fetchOrganizationTimeZones(peer: TimeZonePeer, organizationIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(organizationIds)];
  const zones = new Map<string, string>();
  if (ids.length === 0) return zones;
  const answer = await callInternal<OrganizationTimeZonesResponse>({
    peer: 'the clients service',
    purpose: "The agencies' time zones could not be read",
    baseUrl: peer.clientsUrl,
    path: ORGANIZATION_TIME_ZONES_PATH,
    body: { organizationIds: ids } satisfies OrganizationTimeZonesRequest,
    identity: { actor: SYSTEM_CALLER, secret: peer.internalSecret },
    requestId: randomUUID(),
    idempotent: true,
    timeoutMs: peer.timeoutMs,
  });
  for (const id of ids) zones.set(id, answer.timeZones?.[id] ?? DEFAULT_TIME_ZONE);
  return zones;
}

/** One organization's time zone, each answer kept for a minute (a changed zone is followed within that minute). */
export type TimeZoneOf = (organizationId: string) => Promise<string>;

/** A per-process cache in front of `fetchOrganizationTimeZones`; concurrent first asks share one call. */
export function createTimeZoneCache(peer: TimeZonePeer, now: () => number = Date.now): TimeZoneOf {
  const cache = new Map<string, { zone: string; until: number }>();
  const pending = new Map<string, Promise<string>>();
  return (organizationId) => {
    const cached = cache.get(organizationId);
    if (cached && cached.until > now()) return Promise.resolve(cached.zone);
    let inFlight = pending.get(organizationId);
    if (!inFlight) {
      inFlight = fetchOrganizationTimeZones(peer, [organizationId])
        .then((zones) => {
          const zone = zones.get(organizationId) ?? DEFAULT_TIME_ZONE;
          cache.set(organizationId, { zone, until: now() + TIME_ZONE_CACHE_TTL_MS });
          if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
          return zone;
        })
        .finally(() => pending.delete(organizationId));
      pending.set(organizationId, inFlight);
    }
    return inFlight;
  };
}
