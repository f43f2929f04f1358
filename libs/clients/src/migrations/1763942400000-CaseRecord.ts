import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTable } from '@caseflow/db';
import { standardCharacteristics } from '../assessment/checklist';
import { foldName } from '../shared/names';

/** The case record: contact preferences, eligibility, key dates, priority, assessments, notes and case history. */
export class CaseRecord1763942400000 implements MigrationInterface {
  name = 'CaseRecord1763942400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE clients.client
        ADD COLUMN folded_first text,
        ADD COLUMN folded_last text,
        ADD COLUMN contact_method text CHECK (contact_method IN ('PHONE', 'TEXT', 'EMAIL', 'MAIL', 'IN_PERSON')),
        ADD COLUMN contact_phone text,
        ADD COLUMN contact_email text,
        ADD COLUMN voicemail_allowed boolean NOT NULL DEFAULT false,
        ADD COLUMN public_greeting text,
        ADD COLUMN contact_notes text,
        ADD COLUMN key_dates jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN next_follow_up_at timestamptz,
        ADD COLUMN last_note_at timestamptz,
        ADD COLUMN priority_score integer NOT NULL DEFAULT 0,
        ADD COLUMN priority_level text NOT NULL DEFAULT 'LOW' CHECK (priority_level IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
        ADD COLUMN priority_reasons text[] NOT NULL DEFAULT '{}',
        ADD COLUMN priority_computed_at timestamptz,
        ADD COLUMN created_by uuid REFERENCES clients.staff_member (id),
        ADD COLUMN client_mutation_id text CHECK (length(client_mutation_id) <= 200)`);
    // Names are folded (accents removed, case folded) by the application, so existing rows are folded here too.
    const rows: Array<{ id: string; first_name: string; last_name: string }> = await q.query(
      'SELECT id, first_name, last_name FROM clients.client',
    );
    for (const row of rows) {
      await q.query('UPDATE clients.client SET folded_first = $2, folded_last = $3 WHERE id = $1', [
        row.id,
        foldName(row.first_name),
        foldName(row.last_name),
      ]);
    }
    await q.query('ALTER TABLE clients.client ALTER COLUMN folded_first SET NOT NULL, ALTER COLUMN folded_last SET NOT NULL');
    await q.query('CREATE INDEX client_caseload_idx ON clients.client (assigned_case_manager_id, priority_score DESC, id)');
    await q.query('CREATE INDEX client_duplicate_idx ON clients.client (organization_id, date_of_birth)');
    await q.query(`CREATE INDEX client_priority_due_idx ON clients.client (priority_computed_at) WHERE status <> 'CLOSED'`);
    await q.query('CREATE INDEX client_created_by_idx ON clients.client (created_by)');
    await q.query(
      'CREATE UNIQUE INDEX client_mutation_id_key ON clients.client (created_by, client_mutation_id) WHERE client_mutation_id IS NOT NULL',
    );

    await createTable(q, 'clients.eligibility_determination', {
      columns: `
        client_id uuid NOT NULL REFERENCES clients.client (id),
        eligible boolean NOT NULL,
        program text NOT NULL CHECK (length(program) BETWEEN 1 AND 200),
        rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 2000),
        determined_at timestamptz NOT NULL DEFAULT now(),
        determined_by uuid NOT NULL REFERENCES clients.staff_member (id)
      `,
      indexes: `
        CREATE INDEX eligibility_client_idx ON clients.eligibility_determination (client_id, determined_at DESC);
        CREATE INDEX eligibility_determined_by_idx ON clients.eligibility_determination (determined_by);
      `,
    });

    await createTable(q, 'clients.assessment_characteristic', {
      columns: `
        organization_id uuid,
        domain text NOT NULL CHECK (domain IN ('CERTIFICATES_LICENSES', 'PERSONAL_CIRCUMSTANCES', 'PERSONAL_HEALTH', 'ATTITUDES', 'SOCIAL_SUPPORT', 'CAREER_MANAGEMENT', 'EMPLOYABILITY', 'OTHER')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        position integer NOT NULL DEFAULT 0
      `,
      indexed: ['organization_id'],
      indexes: `
        CREATE UNIQUE INDEX assessment_characteristic_key ON clients.assessment_characteristic
           (coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), domain, lower(name));
      `,
    });
    const standard = standardCharacteristics();
    await q.query(
      `INSERT INTO clients.assessment_characteristic (domain, name, position)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`,
      [standard.map((c) => c.domain), standard.map((c) => c.name), standard.map((c) => c.position)],
    );

    await createTable(q, 'clients.needs_assessment', {
      columns: `
        client_id uuid NOT NULL REFERENCES clients.client (id),
        assessed_at timestamptz NOT NULL DEFAULT now(),
        assessed_by uuid NOT NULL REFERENCES clients.staff_member (id),
        summary text CHECK (length(summary) <= 5000),
        barrier_count integer NOT NULL,
        asset_count integer NOT NULL
      `,
      indexed: ['assessed_by'],
      indexes: `
        CREATE INDEX needs_assessment_client_idx ON clients.needs_assessment (client_id, assessed_at DESC, id);
      `,
    });
    await createTable(q, 'clients.assessment_item', {
      columns: `
        assessment_id uuid NOT NULL REFERENCES clients.needs_assessment (id),
        position integer NOT NULL,
        domain text NOT NULL,
        characteristic text NOT NULL CHECK (length(characteristic) BETWEEN 1 AND 200),
        rating text NOT NULL CHECK (rating IN ('ASSET', 'BARRIER', 'NOT_APPLICABLE')),
        notes text CHECK (length(notes) <= 2000),
        plan_how text CHECK (length(plan_how) <= 2000),
        plan_by_when date,
        plan_who_helps text CHECK (length(plan_who_helps) <= 200)
      `,
      indexes: `
        CREATE INDEX assessment_item_assessment_idx ON clients.assessment_item (assessment_id, position);
      `,
    });

    await createTable(q, 'clients.case_note', {
      columns: `
        client_id uuid NOT NULL REFERENCES clients.client (id),
        author_id uuid NOT NULL REFERENCES clients.staff_member (id),
        occurred_at timestamptz NOT NULL,
        contact_type text NOT NULL CHECK (contact_type IN ('IN_PERSON', 'PHONE', 'EMAIL', 'TEXT', 'VIDEO', 'HOME_VISIT', 'OTHER')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        sensitive boolean NOT NULL DEFAULT false,
        amends_id uuid REFERENCES clients.case_note (id),
        created_at timestamptz NOT NULL DEFAULT now()
      `,
      indexed: ['author_id'],
      indexes: `
        CREATE INDEX case_note_client_idx ON clients.case_note (client_id, occurred_at DESC, id DESC);
        CREATE INDEX case_note_amends_idx ON clients.case_note (amends_id) WHERE amends_id IS NOT NULL;
      `,
    });

    await createTable(q, 'clients.case_event', {
      columns: `
        client_id uuid NOT NULL REFERENCES clients.client (id),
        kind text NOT NULL CHECK (kind IN ('OPENED', 'ACTIVATED', 'CLOSED', 'REOPENED', 'REASSIGNED')),
        from_status text,
        to_status text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NOT NULL REFERENCES clients.staff_member (id),
        outcome text CHECK (outcome IN ('EMPLOYED', 'IN_TRAINING', 'REFERRED_ELSEWHERE', 'GOALS_MET', 'DISENGAGED', 'MOVED', 'OTHER')),
        program text,
        note text CHECK (length(note) <= 5000),
        CHECK (kind <> 'CLOSED' OR outcome IS NOT NULL)
      `,
      indexed: ['actor_id'],
      indexes: `
        CREATE INDEX case_event_client_idx ON clients.case_event (client_id, at DESC);
        CREATE INDEX case_event_closed_idx ON clients.case_event (at) WHERE kind = 'CLOSED';
      `,
    });

    // Notes, case history and eligibility decisions are never edited or deleted: corrections are new rows.
    await q.query(`CREATE FUNCTION clients.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% rows are never changed (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    for (const table of ['case_note', 'case_event', 'eligibility_determination', 'needs_assessment', 'assessment_item']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON clients.${table} FOR EACH ROW EXECUTE FUNCTION clients.refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE clients.case_event, clients.case_note, clients.assessment_item, clients.needs_assessment, clients.assessment_characteristic, clients.eligibility_determination',
    );
    await q.query('DROP FUNCTION clients.refuse_change()');
    await q.query(`ALTER TABLE clients.client DROP COLUMN folded_first, DROP COLUMN folded_last, DROP COLUMN contact_method, DROP COLUMN contact_phone,
      DROP COLUMN contact_email, DROP COLUMN voicemail_allowed, DROP COLUMN public_greeting, DROP COLUMN contact_notes, DROP COLUMN key_dates,
      DROP COLUMN next_follow_up_at, DROP COLUMN last_note_at, DROP COLUMN priority_score, DROP COLUMN priority_level, DROP COLUMN priority_reasons,
      DROP COLUMN priority_computed_at, DROP COLUMN created_by, DROP COLUMN client_mutation_id`);
  }
}
