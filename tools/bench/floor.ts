/**
 * The floor: the caseload page (caseload.graphql's payload for the first 25
 * open clients of a case manager) fetched by ONE hand-written SQL query that
 * joins the four subgraphs' schemas and builds the JSON in PostgreSQL. It is
 * what the data costs without the API: no authentication, no authorization,
 * no audit, no federation. The gateway's p50 over this one's is the price of
 * the architecture.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';

export const FLOOR_CASELOAD_SQL = `
WITH page AS (
  SELECT c.id, c.first_name, c.last_name, c.preferred_name, c.status, c.next_follow_up_at, c.priority_level, c.priority_score, c.priority_reasons
    FROM clients.client c
   WHERE c.assigned_case_manager_id = $1 AND c.status IN ('INTAKE', 'ACTIVE')
   ORDER BY c.priority_score DESC, c.id
   LIMIT $2 + 1
)
SELECT json_build_object(
  'me', (SELECT json_build_object('id', s.id, 'displayName', s.display_name, 'role', s.role) FROM clients.staff_member s WHERE s.id = $1),
  'myCaseload', json_build_object(
    'totalCount', (SELECT count(*) FROM clients.client c WHERE c.assigned_case_manager_id = $1 AND c.status IN ('INTAKE', 'ACTIVE')),
    'pageInfo', json_build_object('hasNextPage', (SELECT count(*) > $2 FROM page),
                                  'endCursor', (SELECT json_build_array(priority_score, id) FROM (SELECT * FROM page ORDER BY priority_score DESC, id LIMIT $2) l ORDER BY priority_score, id DESC LIMIT 1)),
    'edges', coalesce((
      SELECT json_agg(json_build_object(
        'cursor', json_build_array(p.priority_score, p.id),
        'node', json_build_object(
          'id', p.id, 'displayName', coalesce(nullif(btrim(p.preferred_name), ''), p.first_name) || ' ' || p.last_name, 'status', p.status,
          'nextFollowUpAt', p.next_follow_up_at,
          'priority', json_build_object('level', p.priority_level, 'score', p.priority_score, 'reasons', p.priority_reasons),
          'activePlan', (
            SELECT json_build_object('id', ap.id, 'progress', json_build_object(
                     'goalsTotal', pr.goals_total, 'goalsAchieved', pr.goals_achieved, 'stepsTotal', pr.steps_total, 'stepsComplete', pr.steps_complete,
                     'overdueSteps', pr.overdue_steps,
                     'percentComplete', CASE WHEN pr.steps_total > 0 THEN round(1000.0 * pr.steps_complete / pr.steps_total) / 10
                                             WHEN pr.goals_total > 0 THEN round(1000.0 * pr.goals_achieved / pr.goals_total) / 10 ELSE 0 END))
              FROM plans.action_plan ap
              CROSS JOIN LATERAL (
                SELECT count(DISTINCT g.id) FILTER (WHERE g.status <> 'CANCELLED')::int AS goals_total,
                       count(DISTINCT g.id) FILTER (WHERE g.status = 'ACHIEVED')::int AS goals_achieved,
                       count(st.id) FILTER (WHERE g.status <> 'CANCELLED' AND st.outcome <> 'CANCELLED')::int AS steps_total,
                       count(st.id) FILTER (WHERE g.status <> 'CANCELLED' AND st.outcome = 'COMPLETE')::int AS steps_complete,
                       count(st.id) FILTER (WHERE g.status = 'OPEN' AND st.due_date < current_date AND st.outcome NOT IN ('COMPLETE', 'CANCELLED'))::int AS overdue_steps
                  FROM plans.goal g
                  LEFT JOIN plans.plan_task t ON t.goal_id = g.id
                  LEFT JOIN plans.plan_step st ON st.task_id = t.id
                 WHERE g.plan_id = ap.id) pr
             WHERE ap.client_id = p.id AND ap.status = 'ACTIVE'),
          'referrals', coalesce((
            SELECT json_agg(json_build_object('id', r.id, 'status', r.status, 'sentAt', r.sent_at, 'urgency', r.urgency,
                     'service', json_build_object('id', sv.id, 'name', sv.name, 'organization', json_build_object('id', o.id, 'name', o.name)))
                     ORDER BY r.created_at DESC, r.id DESC)
              FROM referrals.referral r
              JOIN resources.service sv ON sv.id = r.service_id
              JOIN resources.organization o ON o.id = sv.organization_id
             WHERE r.client_id = p.id AND r.status IN ('SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS')), '[]'::json)))
        ORDER BY p.priority_score DESC, p.id)
        FROM (SELECT * FROM page ORDER BY priority_score DESC, id LIMIT $2) p), '[]'::json))) AS payload`;

export interface FloorResult {
  requests: number;
  latencies: number[];
  seconds: number;
}

/** Runs the floor query for random case managers, one at a time, for `durationMs`. */
export async function runFloor(
  url: string,
  caseManagerIds: string[],
  durationMs: number,
  rnd: () => number,
  pageSize = 25,
): Promise<FloorResult> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + durationMs;
    while (performance.now() < deadline) {
      const id = caseManagerIds[Math.floor(rnd() * caseManagerIds.length)];
      const t0 = performance.now();
      // The payload arrives as JSON text and is parsed by the driver, as a client parses the gateway's answer.
      await db.query({ name: 'floor-caseload', text: FLOOR_CASELOAD_SQL, values: [id, pageSize] });
      latencies.push(performance.now() - t0);
    }
    return { requests: latencies.length, latencies, seconds: (performance.now() - started) / 1000 };
  } finally {
    await db.end();
  }
}

/** The floor's plan, for the report (EXPLAIN ANALYZE of one run). */
export async function explainFloor(url: string, caseManagerId: string, pageSize = 25): Promise<string> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${FLOOR_CASELOAD_SQL}`, [caseManagerId, pageSize]);
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await db.end();
  }
}
