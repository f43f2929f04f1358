/**
 * "Today" for the plans subgraph is the agency's day: a step due today is
 * not overdue until midnight where the agency works. In a request it is the
 * caller's organization's day; the time zone is asked of the clients
 * subgraph (which keeps the agency settings) and kept a minute per
 * organization. When it cannot answer, the request counts in UTC and says so
 * in the log — a day's edge a few hours off is better than no plan at all;
 * the next request asks again.
 */
import { createTimeZoneCache, type TimeZoneOf, type TimeZonePeer } from '@caseflow/auth';
import { DEFAULT_TIME_ZONE, localDay, type Logger } from '@caseflow/core';

/** The request's calendar date (`YYYY-MM-DD`), decided once and then fixed for the request. */
export type Today = () => Promise<string>;

/** A fixed day (tests, and callers that already know it). */
export const fixedToday =
  (day: string): Today =>
  () =>
    Promise.resolve(day);

/** One cache per clients subgraph address, for the life of the process. */
const caches = new Map<string, TimeZoneOf>();

export function timeZoneOf(peer: TimeZonePeer): TimeZoneOf {
  const key = `${peer.clientsUrl}\n${peer.internalSecret}`;
  let cache = caches.get(key);
  if (!cache) caches.set(key, (cache = createTimeZoneCache(peer)));
  return cache;
}

/** The day of `organizationId` at the request's first ask (`now` read then), asked once per request. */
export function requestToday(zoneOf: TimeZoneOf, organizationId: string, logger: Logger, now: () => Date = () => new Date()): Today {
  let day: Promise<string> | undefined;
  return () =>
    (day ??= zoneOf(organizationId).then(
      (zone) => localDay(now(), zone),
      (error: unknown) => {
        logger.warn('time zone unavailable; counting the day in UTC', { organizationId, error: String(error) });
        return localDay(now(), DEFAULT_TIME_ZONE);
      },
    ));
}
