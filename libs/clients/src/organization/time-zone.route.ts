import type { DataSource } from 'typeorm';
import { MAX_INTERNAL_BATCH, type OrganizationTimeZonesResponse } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { InternalRoute } from '@caseflow/federation';
import { organizationTimeZones } from './time-zone';

/**
 * The answering side of the time-zone question: POST {organizationIds} over
 * the internal channel → the zone of each (UTC for an agency that has set
 * none). One statement.
 */
export function organizationTimeZonesRoute(dataSource: DataSource): InternalRoute {
  return async (body): Promise<OrganizationTimeZonesResponse> => {
    const ids = (body as { organizationIds?: unknown })?.organizationIds;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw badInput('organizationIds', 'must be a list of ids');
    if (ids.length > MAX_INTERNAL_BATCH) throw badInput('organizationIds', `must hold at most ${MAX_INTERNAL_BATCH} ids`);
    const zones = await organizationTimeZones(dataSource, ids as string[]);
    return { timeZones: Object.fromEntries(zones) };
  };
}
