/**
 * The directory's part of the benchmark dataset: `seedDirectoryAtScale`
 * (whole units; a fraction of a unit still gets one), and what the other
 * subgraphs' generators need to know of it — the generated organizations in
 * order, and every active service with its organization, a place it is
 * delivered and its categories.
 */
import type { DataSource } from 'typeorm';
import { demoId } from '@caseflow/demo';
import { SCALE_UNIT, seedDirectoryAtScale } from './seed';
import { SERVICE_CATEGORY } from '@caseflow/resources';

/** The directory's scale for a dataset scale: whole units, at least one. */
export const directoryUnits = (scale: number): number => Math.max(1, Math.round(scale));

export interface ScaleDirectoryCatalog {
  /** The generated organizations, in generation order. */
  organizationIds: string[];
  /** Active services (parallel arrays); term ids as PostgreSQL array literals. */
  services: { ids: string[]; organizationIds: string[]; serviceAtLocationIds: Array<string | null>; termIds: string[] };
}

export async function seedResourcesAtScale(dataSource: DataSource, scale: number): Promise<void> {
  await seedDirectoryAtScale(dataSource, directoryUnits(scale));
}

export async function scaleDirectoryCatalog(dataSource: DataSource, scale: number): Promise<ScaleDirectoryCatalog> {
  const count = SCALE_UNIT.organizations * directoryUnits(scale);
  const organizationIds = Array.from({ length: count }, (_, o) => demoId('bench-directory:organization', o));
  const rows: Array<{ id: string; organization_id: string; service_at_location_id: string | null; term_ids: string }> =
    await dataSource.query(
      `SELECT s.id, s.organization_id,
            (SELECT sal.id FROM resources.service_at_location sal WHERE sal.service_id = s.id ORDER BY sal.id LIMIT 1) AS service_at_location_id,
            ARRAY(SELECT a.taxonomy_term_id FROM resources.attribute a
                   WHERE a.link_type = $1 AND a.link_id = s.id AND a.taxonomy_term_id IS NOT NULL ORDER BY a.taxonomy_term_id)::text AS term_ids
       FROM resources.service s
      WHERE s.status = 'active'
      ORDER BY s.id`,
      [SERVICE_CATEGORY.linkType],
    );
  return {
    organizationIds,
    services: {
      ids: rows.map((r) => r.id),
      organizationIds: rows.map((r) => r.organization_id),
      serviceAtLocationIds: rows.map((r) => r.service_at_location_id),
      termIds: rows.map((r) => r.term_ids),
    },
  };
}
