/**
 * The agencies' time zones, for the days of the caseload priority. The
 * agency settings (libs/clients/src/organization/time-zone.ts,
 * `organizationTimeZones`) are their owner; until they are part of this
 * subgraph every agency is read as being in UTC, and this is the one place
 * that changes when they are.
 */
import type { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '@caseflow/core';

export async function agencyTimeZones(_manager: Pick<EntityManager, 'query'>, organizationIds: string[]): Promise<Map<string, string>> {
  return new Map(organizationIds.map((id) => [id, DEFAULT_TIME_ZONE]));
}
