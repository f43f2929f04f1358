/**
 * Each agency's time zone, kept by the clients subgraph: what "today" means
 * for an agency's due dates, follow-ups and reminders. Plans and referrals
 * (their daily jobs, their overdue rules) ask the clients subgraph over the
 * internal channel; an agency that has set none works in UTC. The question
 * is asked by the service itself (no person is behind a daily job), so the
 * internal token is signed for the service actor.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_ZONE } from '@caseflow/core';
import type { Actor } from './actor';
import { callInternal } from './internal-client';

export const ORGANIZATION_TIME_ZONES_PATH = '/internal/organization-time-zones';

/** The most ids one request may ask about (the client splits longer lists). */
export const MAX_INTERNAL_BATCH = 1000;

/** Who a service's own question (a job's, a consumer's) is signed for: no staff member, no agency. */
export const SERVICE_ACTOR: Actor = {
  staffId: '00000000-0000-0000-0000-000000000000',
  role: 'ADMIN',
  organizationId: '00000000-0000-0000-0000-000000000000',
};

export interface OrganizationTimeZonesRequest {
  organizationIds: string[];
}

export interface OrganizationTimeZonesResponse {
  /** The zone of each asked agency that has set one (the others work in UTC). */
  timeZones: Record<string, string>;
}

/** How a service reaches the clients subgraph for its own questions. */
export interface ClientsServiceOptions {
  /** Base URL of the clients subgraph, e.g. http://localhost:4001 (or its replicas, comma-separated). */
  clientsUrl: string;
  internalSecret: string;
  timeoutMs?: number;
}

/** The same options, under the name the time-zone callers use. */
export type TimeZonePeer = ClientsServiceOptions;

/** The longest an answer is trusted by `createTimeZoneCache`. */
export const TIME_ZONE_CACHE_TTL_MS = 60_000;

/** Each asked agency's time zone; UTC for those that have set none. UNAVAILABLE when the clients subgraph cannot answer. */
export async function fetchOrganizationTimeZones(
  options: ClientsServiceOptions,
  organizationIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(organizationIds)];
  const zones = new Map(ids.map((id) => [id, DEFAULT_TIME_ZONE]));
  for (let i = 0; i < ids.length; i += MAX_INTERNAL_BATCH) {
    const answer = await callInternal<OrganizationTimeZonesResponse>({
      peer: 'the clients service',
      purpose: "The agencies' time zones could not be read",
      baseUrl: options.clientsUrl,
      path: ORGANIZATION_TIME_ZONES_PATH,
      body: { organizationIds: ids.slice(i, i + MAX_INTERNAL_BATCH) } satisfies OrganizationTimeZonesRequest,
      identity: { actor: SERVICE_ACTOR, secret: options.internalSecret },
      requestId: randomUUID(),
      idempotent: true,
      timeoutMs: options.timeoutMs,
    });
    for (const [id, zone] of Object.entries(answer.timeZones ?? {})) if (zones.has(id)) zones.set(id, zone);
  }
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
