import { isUuid } from '@caseflow/auth';
import { badInput, optionalText, uuidList } from '@caseflow/core';
import { DIRECTORY_TIMEZONE } from '../shared/timezone';
import type { SearchFilters, SearchKey, SearchSort } from './search.sql';
import { SearchOrder, type ServiceSearchInput } from './search.type';

export const DEFAULT_RADIUS_KM = 50;
export const MAX_RADIUS_KM = 500;
const MAX_TEXT = 200;
const MAX_TERMS = 50;

/**
 * Checks `nearClientId` (a UUID, and not together with `near`) before the
 * client's point is asked for; null when the search is not near a client.
 */
export function nearClientIdOf(input: ServiceSearchInput): string | null {
  if (input.nearClientId === null || input.nearClientId === undefined) return null;
  if (input.near) throw badInput('input.nearClientId', 'give either near or nearClientId, not both');
  if (!isUuid(input.nearClientId)) throw badInput('input.nearClientId', 'must be a UUID');
  return input.nearClientId;
}

/**
 * Checks the search input field by field (BAD_USER_INPUT naming the field) and
 * normalizes it; `clientPoint` is the point of `nearClientId`, searched around as `near` is.
 */
export function searchFilters(input: ServiceSearchInput, now: Date, clientPoint: GeoPoint | null = null): SearchFilters {
  const text = optionalText('input.text', input.text, { max: MAX_TEXT });

  const termIds = input.taxonomyTermIds?.length
    ? uuidList('input.taxonomyTermIds', input.taxonomyTermIds, { max: MAX_TERMS, noun: 'terms' })
    : null;

  let near: SearchFilters['near'] = null;
  if (clientPoint) {
    near = { ...clientPoint, radiusMeters: radiusKmOf(input) * 1000 };
  } else if (input.near) {
    const { latitude, longitude } = input.near;
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) throw badInput('input.near.latitude', 'must be between -90 and 90');
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180)
      throw badInput('input.near.longitude', 'must be between -180 and 180');
    near = { latitude, longitude, radiusMeters: radiusKmOf(input) * 1000 };
  } else if (input.radiusKm != null) {
    throw badInput('input.radiusKm', 'needs input.near or input.nearClientId');
  }

  const language = input.language?.trim() || null;
  if (language && language.length > 100) throw badInput('input.language', 'must be at most 100 characters');
  if (input.age != null && (!Number.isInteger(input.age) || input.age < 0 || input.age > 130))
    throw badInput('input.age', 'must be a whole number from 0 to 130');

  return {
    text,
    termIds,
    near,
    openAt: input.openAt ?? null,
    at: input.openAt ?? now,
    language,
    age: input.age ?? null,
    timezone: DIRECTORY_TIMEZONE,
  };
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

function radiusKmOf(input: ServiceSearchInput): number {
  const radiusKm = input.radiusKm ?? DEFAULT_RADIUS_KM;
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM)
    throw badInput('input.radiusKm', `must be more than 0 and at most ${MAX_RADIUS_KM}`);
  return radiusKm;
}

/**
 * The order of a search: as asked, else by relevance when there are words,
 * else by distance when there is a point (without either, every hit ties, and
 * the tie-breakers list them by name). Distance needs a point.
 */
export function searchOrderOf(orderBy: SearchOrder | null | undefined, filters: SearchFilters): SearchSort {
  if (orderBy === SearchOrder.DISTANCE) {
    if (!filters.near) throw badInput('orderBy', 'DISTANCE needs input.near or input.nearClientId');
    return 'distance';
  }
  if (orderBy === SearchOrder.RELEVANCE || filters.text) return 'relevance';
  return filters.near ? 'distance' : 'relevance';
}

/** The parts of a search cursor: the order it was issued for, then the sort values of the last hit (see `SearchKey`). */
export const SEARCH_CURSOR = ['text', 'number', 'number', 'text', 'uuid'] as const;

/** The keyset cursor of a search, checked against the order it was issued for. */
export function searchKey(cursor: unknown[] | null, sort: SearchSort): SearchKey | null {
  if (!cursor) return null;
  if (cursor[0] !== sort) throw badInput('after', 'is not a cursor this search issued');
  return cursor as SearchKey;
}
