import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@caseflow/db';

/**
 * Plan revisions (the history of every change to a plan), the pairwise
 * prioritizing grids, and the date a goal was set (for goal attainment).
 */
export class PlanRevisionsAndRankings1763856000011 implements MigrationInterface {
  name = 'PlanRevisionsAndRankings1763856000011';

  async up(q: QueryRunner): Promise<void> {
    // One revision per plan version: version n (n >= 2) is the change that raised the plan from n - 1 to n.
    await createTable(q, 'plans.plan_revision', {
      columns: `
        plan_id uuid NOT NULL REFERENCES plans.action_plan (id),
        version int NOT NULL CHECK (version >= 2),
        revised_at timestamptz NOT NULL DEFAULT now(),
        revised_by uuid NOT NULL,
        rationale text NOT NULL CHECK (length(btrim(rationale)) BETWEEN 1 AND 2000),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
        entity_type text NOT NULL CHECK (entity_type IN ('ActionPlan', 'Goal', 'PlanStep')),
        entity_id uuid NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb
      `,
      indexes: `
        CREATE UNIQUE INDEX plan_revision_plan_version_idx ON plans.plan_revision (plan_id, version);
        CREATE INDEX plan_revision_entity_idx ON plans.plan_revision (entity_id, version);
      `,
      // History is never rewritten: the database refuses UPDATE, DELETE and TRUNCATE, as for audit events.
      appendOnly: 'plan revisions are never changed',
    });

    await createTable(q, 'plans.priority_ranking', {
      columns: `
        client_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        items text[] NOT NULL CHECK (cardinality(items) BETWEEN 2 AND 10),
        choices jsonb NOT NULL CHECK (jsonb_typeof(choices) = 'array'),
        ranked jsonb NOT NULL CHECK (jsonb_typeof(ranked) = 'array'),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NOT NULL
      `,
      indexed: ['organization_id'],
      indexes: `
        CREATE INDEX priority_ranking_client_created_idx ON plans.priority_ranking (client_id, created_at);
      `,
    });

    // When a goal became part of an agreed (activated) plan; null while its plan is a draft.
    await q.query(`ALTER TABLE plans.goal ADD COLUMN set_at timestamptz`);
    await q.query(`UPDATE plans.goal g SET set_at = g.created_at FROM plans.action_plan p WHERE p.id = g.plan_id AND p.status <> 'DRAFT'`);
    await q.query(`CREATE INDEX goal_set_at_idx ON plans.goal (set_at) WHERE set_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX plans.goal_set_at_idx`);
    await q.query(`ALTER TABLE plans.goal DROP COLUMN set_at`);
    await q.query(`DROP TABLE plans.priority_ranking`);
    await q.query(`DROP TABLE plans.plan_revision`);
    await q.query(`DROP FUNCTION plans.plan_revision_append_only()`);
  }
}
