/** Distance travelled's read: each client's first and latest assessment with their ratings, for many clients in one statement. */
import type { DataSource } from 'typeorm';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { AssessmentDomain, AssessmentRating } from './assessment.entity';
import type { AssessmentRow } from './assessment.sql';

/** An assessment row (as the entity) with the ratings of its items, in checklist position order. */
export type ComparedAssessmentRow = AssessmentRow & {
  items: Array<{ domain: AssessmentDomain; characteristic: string; rating: AssessmentRating }>;
};

const ENDS_COLUMNS = `a.id, a.client_id AS "clientId", a.assessed_at AS "assessedAt", a.assessed_by AS "assessedBy", a.summary,
         a.barrier_count AS "barrierCount", a.asset_count AS "assetCount"`;

/**
 * For each client, its latest and its first assessment (the same row twice
 * when it has one), each found by the client's index on
 * (client_id, assessed_at DESC, id), with their items' ratings.
 */
const FIRST_AND_LATEST = preparedRead<ComparedAssessmentRow, [string[]]>(
  'clients.distance-travelled-ends',
  `SELECT e.*,
          coalesce((SELECT json_agg(json_build_object('domain', i.domain, 'characteristic', i.characteristic, 'rating', i.rating) ORDER BY i.position)
                      FROM clients.assessment_item i WHERE i.assessment_id = e.id), '[]'::json) AS items
     FROM unnest($1::uuid[]) AS k(client_id)
     CROSS JOIN LATERAL (
       (SELECT ${ENDS_COLUMNS} FROM clients.needs_assessment a WHERE a.client_id = k.client_id ORDER BY a.assessed_at DESC, a.id DESC LIMIT 1)
       UNION ALL
       (SELECT ${ENDS_COLUMNS} FROM clients.needs_assessment a WHERE a.client_id = k.client_id ORDER BY a.assessed_at, a.id LIMIT 1)
     ) e`,
);

/** The first and the latest assessment of each of these clients (one row when a client has one assessment, none when none). */
export async function firstAndLatestAssessments(dataSource: DataSource, clientIds: readonly string[]): Promise<ComparedAssessmentRow[]> {
  const rows = await runPrepared(dataSource, FIRST_AND_LATEST, [[...new Set(clientIds)]]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...byId.values()];
}
