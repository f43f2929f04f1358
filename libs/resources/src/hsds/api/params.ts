import { badInput, checkDate, checkInstant, checkText, type DateRange, uuid } from '@caseflow/core';
import type { ListFilters } from './hsds-api.sql';

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 100;
/** `minimal` lists are meant to fit one page. */
export const MAX_MINIMAL_PER_PAGE = 1_000;
export const MAX_PROXIMITY_METERS = 500_000;

export interface Params {
  filters: ListFilters;
  page: number;
  perPage: number;
  format: 'json' | 'ndjson';
  full: boolean;
  full_service: boolean;
  minimal: boolean;
}

function boolean(name: string, value: string | null): boolean {
  if (value === null) return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw badInput(name, 'must be true or false');
}

function wholeNumber(name: string, value: string | null, fallback: number, max: number): number {
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw badInput(name, `must be a whole number from 1 to ${max}`);
  return Number(value);
}

function uuidParam(name: string, value: string | null): string | undefined {
  return value === null ? undefined : uuid(name, value);
}

const VALUE_MAX = 200;

/**
 * `modified_after`: a calendar date that exists, or an ISO 8601 instant with a
 * time zone, from 1900 on. A filter, not a record: a date far ahead is
 * harmless (it matches nothing), so only the start is bounded.
 */
const MODIFIED_AFTER: DateRange = { min: '1900-01-01', max: '9999-12-31', meaning: 'a date from 1900-01-01 on' };

function checkModifiedAfter(value: string): string {
  const range = MODIFIED_AFTER;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return checkDate(value, 'modified_after', range);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw badInput('modified_after', 'must be an ISO 8601 date or date and time, e.g. 2026-11-01T00:00:00Z');
  return checkInstant(value, 'modified_after', range).toISOString();
}

/** The query parameters of an HSDS request, checked; `allowed` are the ones the endpoint takes (anything else is refused). */
export function readParams(url: URL, allowed: readonly string[]): Params {
  const names = [...url.searchParams.keys()];
  for (const name of names) {
    if (!allowed.includes(name)) {
      // An unknown name is echoed only when it looks like a parameter name, so an answer never repeats long or odd input.
      const shown = /^[a-z_]{1,40}$/.test(name) ? name : 'parameter';
      throw badInput(shown, `is not a parameter of this endpoint${allowed.length ? ` (it takes ${allowed.join(', ')})` : ''}`);
    }
    if (url.searchParams.getAll(name).length > 1) throw badInput(name, 'is given more than once');
    const value = checkText(url.searchParams.get(name), name);
    if (value.length > VALUE_MAX) throw badInput(name, `must be at most ${VALUE_MAX} characters`);
  }
  const get = (name: string) => url.searchParams.get(name);
  const minimal = boolean('minimal', get('minimal'));
  const format = get('format') ?? 'json';
  if (format !== 'json' && format !== 'ndjson') throw badInput('format', "must be 'json' or 'ndjson'");

  const filters: ListFilters = {};
  const search = get('search')?.trim();
  if (search) {
    if (search.length > 200) throw badInput('search', 'must be at most 200 characters');
    filters.search = search;
  }
  filters.taxonomyTermId = uuidParam('taxonomy_term_id', get('taxonomy_term_id'));
  filters.taxonomyId = uuidParam('taxonomy_id', get('taxonomy_id'));
  filters.organizationId = uuidParam('organization_id', get('organization_id'));
  filters.parentId = uuidParam('parent_id', get('parent_id'));
  filters.topOnly = boolean('top_only', get('top_only'));
  const modifiedAfter = get('modified_after');
  if (modifiedAfter !== null) filters.modifiedAfter = checkModifiedAfter(modifiedAfter);
  const postcode = get('postcode')?.trim();
  if (postcode) {
    if (postcode.length > 20) throw badInput('postcode', 'must be at most 20 characters');
    filters.postcode = postcode;
  }
  const proximity = get('proximity');
  if (proximity !== null) {
    if (!filters.postcode) throw badInput('proximity', 'needs postcode (it is a distance from the postcode)');
    const meters = Number(proximity);
    if (!/^\d+(\.\d+)?$/.test(proximity) || meters <= 0 || meters > MAX_PROXIMITY_METERS)
      throw badInput('proximity', `must be a distance in meters above 0 and at most ${MAX_PROXIMITY_METERS}`);
    filters.proximityMeters = meters;
  }

  return {
    filters,
    page: wholeNumber('page', get('page'), 1, 1_000_000),
    perPage: wholeNumber('per_page', get('per_page'), DEFAULT_PER_PAGE, minimal ? MAX_MINIMAL_PER_PAGE : MAX_PER_PAGE),
    format,
    full: boolean('full', get('full')),
    full_service: boolean('full_service', get('full_service')),
    minimal,
  };
}
