/**
 * The agencies' days for the caseload priority: their time zones are the
 * agency settings' (organization/time-zone.ts), and each agency's midnight
 * is computed with the runtime's time-zone data (`startOfLocalDay` of
 * @caseflow/core) — the one every day is counted with (PostgreSQL's own may
 * differ).
 */

export { startOfLocalDay } from '@caseflow/core';
export { allOrganizationTimeZones as allAgencyTimeZones, organizationTimeZones as agencyTimeZones } from '../organization/time-zone';
