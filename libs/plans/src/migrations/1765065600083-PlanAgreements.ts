import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@caseflow/db';

/**
 * The client's agreements to plan versions (agreement/), kept forever: the
 * current agreement is the newest to the plan's current version, so a
 * revision never changes a row here. One index serves both reads, a plan's
 * history (newest first) and whether its current version is agreed.
 */
export class PlanAgreements1765065600083 implements MigrationInterface {
  name = 'PlanAgreements1765065600083';

  async up(q: QueryRunner): Promise<void> {
    await createTable(q, 'plans.plan_agreement', {
      columns: `
        plan_id uuid NOT NULL REFERENCES plans.action_plan (id),
        plan_version int NOT NULL CHECK (plan_version >= 1),
        method text NOT NULL CHECK (method IN ('IN_PERSON_SIGNATURE', 'VERBAL', 'ELECTRONIC')),
        agreed_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid NOT NULL,
        note text CHECK (note IS NULL OR length(btrim(note)) BETWEEN 1 AND 2000)
      `,
      indexes: `
        CREATE INDEX plan_agreement_plan_version_idx ON plans.plan_agreement (plan_id, plan_version, agreed_at);
      `,
      appendOnly: 'plan agreements are never changed',
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE plans.plan_agreement`);
    await q.query(`DROP FUNCTION plans.plan_agreement_append_only()`);
  }
}
