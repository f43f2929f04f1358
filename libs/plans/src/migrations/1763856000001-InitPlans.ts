import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTableSql } from '@caseflow/audit';
import { createTable } from '@caseflow/db';

export class InitPlans1763856000001 implements MigrationInterface {
  name = 'InitPlans1763856000001';

  async up(q: QueryRunner): Promise<void> {
    await createTable(q, 'plans.action_plan', {
      columns: `
        client_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
        version int NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      `,
      indexed: ['organization_id'],
      indexes: `
        CREATE INDEX action_plan_client_created_idx ON plans.action_plan (client_id, created_at);
        -- The rule "one active plan per client" is the database's to keep, so that two racing activations cannot both win.
        CREATE UNIQUE INDEX action_plan_one_active_per_client ON plans.action_plan (client_id) WHERE status = 'ACTIVE';
      `,
    });

    await createTable(q, 'plans.goal', {
      orderedUnder: { column: 'plan_id', parent: 'plans.action_plan' },
      columns: `
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        term text NOT NULL CHECK (term IN ('SHORT', 'MID', 'LONG')),
        target_date date,
        smart_specific boolean NOT NULL DEFAULT false,
        smart_measurable boolean NOT NULL DEFAULT false,
        smart_achievable boolean NOT NULL DEFAULT false,
        smart_relevant boolean NOT NULL DEFAULT false,
        smart_time_limited boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED')),
        created_at timestamptz NOT NULL DEFAULT now()
      `,
    });

    await createTable(q, 'plans.plan_task', {
      orderedUnder: { column: 'goal_id', parent: 'plans.goal' },
      columns: `
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500)
      `,
    });

    await createTable(q, 'plans.plan_step', {
      orderedUnder: { column: 'task_id', parent: 'plans.plan_task' },
      columns: `
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
        estimated_time text CHECK (length(estimated_time) <= 200),
        due_date date,
        completed_at date,
        outcome text NOT NULL DEFAULT 'NOT_STARTED' CHECK (outcome IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'CANCELLED', 'BROUGHT_FORWARD')),
        who_helps text CHECK (length(who_helps) <= 500)
      `,
    });

    for (const statement of auditTableSql('plans')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE plans.audit_event, plans.plan_step, plans.plan_task, plans.goal, plans.action_plan');
    await q.query('DROP FUNCTION plans.audit_event_append_only()');
  }
}
