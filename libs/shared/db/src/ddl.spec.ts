import { alterTableSql, columnList, statementList, tableSql } from './ddl';

// Migrations that have run are never run again, so these texts are frozen: a change here would make fresh databases differ from old ones.
describe('columnList', () => {
  it('splits at the commas between columns, not at those inside parentheses or quotes', () => {
    expect(
      columnList(`
        status text NOT NULL CHECK (status IN ('DRAFT', 'SENT')),
        note text DEFAULT 'a, b',
        CHECK (num_nonnulls(service_id, location_id) >= 1)
      `),
    ).toEqual([
      "status text NOT NULL CHECK (status IN ('DRAFT', 'SENT'))",
      "note text DEFAULT 'a, b'",
      'CHECK (num_nonnulls(service_id, location_id) >= 1)',
    ]);
  });

  it('reads a doubled quote inside a string as part of it', () => {
    expect(columnList("label text DEFAULT 'it''s, here', n int")).toEqual(["label text DEFAULT 'it''s, here'", 'n int']);
  });
});

describe('statementList', () => {
  it('splits at the semicolons ending statements, leaving out comment lines', () => {
    expect(
      statementList(`
        CREATE INDEX a_idx ON s.a (x);
        -- one per client; the database keeps the rule
        CREATE UNIQUE INDEX a_one ON s.a (client_id) WHERE status = 'A;B';
      `),
    ).toEqual(['CREATE INDEX a_idx ON s.a (x)', "CREATE UNIQUE INDEX a_one ON s.a (client_id) WHERE status = 'A;B'"]);
  });
});

describe('tableSql', () => {
  it('writes the uuid key, the columns in order, a plain index per indexed column, then the other indexes', () => {
    expect(
      tableSql('resources.funding', {
        columns: `
          organization_id uuid REFERENCES resources.organization (id),
          service_id uuid,
          source text
        `,
        indexed: ['organization_id', 'service_id'],
        indexes: 'CREATE INDEX funding_source_idx ON resources.funding (lower(source));',
      }),
    ).toEqual([
      'CREATE TABLE resources.funding (\n' +
        '  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n' +
        '  organization_id uuid REFERENCES resources.organization (id),\n' +
        '  service_id uuid,\n' +
        '  source text\n' +
        ')',
      'CREATE INDEX funding_organization_idx ON resources.funding (organization_id)',
      'CREATE INDEX funding_service_idx ON resources.funding (service_id)',
      'CREATE INDEX funding_source_idx ON resources.funding (lower(source))',
    ]);
  });

  it('names a plain index after the column as written when it does not end in _id', () => {
    expect(tableSql('clients.note', { columns: 'written_by uuid', indexed: ['written_by'] })[1]).toBe(
      'CREATE INDEX note_written_by_idx ON clients.note (written_by)',
    );
  });

  it('puts the parent key and position of an ordered list first, with the index that reads a list in order', () => {
    expect(
      tableSql('plans.plan_task', {
        orderedUnder: { column: 'goal_id', parent: 'plans.goal' },
        columns: 'title text NOT NULL',
        indexed: ['created_by'],
      }),
    ).toEqual([
      'CREATE TABLE plans.plan_task (\n' +
        '  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n' +
        '  goal_id uuid NOT NULL REFERENCES plans.goal (id),\n' +
        '  position int NOT NULL CHECK (position >= 0),\n' +
        '  title text NOT NULL\n' +
        ')',
      'CREATE INDEX plan_task_goal_position_idx ON plans.plan_task (goal_id, position)',
      'CREATE INDEX plan_task_created_by_idx ON plans.plan_task (created_by)',
    ]);
  });

  it('makes a history table append-only: one function refusing with the message, triggers for rows and for TRUNCATE', () => {
    const [, refuse, rows, truncate] = tableSql('plans.plan_revision', {
      columns: 'note text',
      appendOnly: 'plan revisions are never changed',
    });
    expect(refuse).toBe(
      'CREATE FUNCTION plans.plan_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n' +
        '      BEGIN\n' +
        "        RAISE EXCEPTION 'plan revisions are never changed (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';\n" +
        '      END $$',
    );
    expect(rows).toBe(
      'CREATE TRIGGER plan_revision_no_update_delete BEFORE UPDATE OR DELETE ON plans.plan_revision FOR EACH ROW EXECUTE FUNCTION plans.plan_revision_append_only()',
    );
    expect(truncate).toBe(
      'CREATE TRIGGER plan_revision_no_truncate BEFORE TRUNCATE ON plans.plan_revision FOR EACH STATEMENT EXECUTE FUNCTION plans.plan_revision_append_only()',
    );
  });
});

describe('alterTableSql', () => {
  it('makes one ALTER TABLE of the changes in order, then the indexes', () => {
    expect(
      alterTableSql('resources.phone', {
        changes: 'DROP CONSTRAINT phone_check, ADD COLUMN contact_id uuid',
        indexed: ['contact_id'],
      }),
    ).toEqual([
      'ALTER TABLE resources.phone\n  DROP CONSTRAINT phone_check,\n  ADD COLUMN contact_id uuid',
      'CREATE INDEX phone_contact_idx ON resources.phone (contact_id)',
    ]);
  });

  it('writes nothing else when there are no indexes', () => {
    expect(alterTableSql('resources.schedule', { changes: 'ADD COLUMN notes text' })).toEqual([
      'ALTER TABLE resources.schedule\n  ADD COLUMN notes text',
    ]);
  });
});
