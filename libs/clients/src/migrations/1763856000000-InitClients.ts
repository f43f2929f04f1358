import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTableSql } from '@caseflow/audit';
import { createTable } from '@caseflow/db';

export class InitClients1763856000000 implements MigrationInterface {
  name = 'InitClients1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    await createTable(q, 'clients.staff_member', {
      columns: `
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('CASE_MANAGER', 'SUPERVISOR', 'PARTNER', 'ANALYST', 'ADMIN')),
        organization_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      `,
      indexed: ['organization_id'],
      indexes: `
        CREATE UNIQUE INDEX staff_member_email_key ON clients.staff_member (lower(email));
      `,
    });

    await createTable(q, 'clients.client', {
      columns: `
        organization_id uuid NOT NULL,
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 200),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 200),
        preferred_name text CHECK (length(preferred_name) <= 200),
        date_of_birth date,
        status text NOT NULL CHECK (status IN ('INTAKE', 'ACTIVE', 'ON_HOLD', 'CLOSED')),
        intake_date date NOT NULL DEFAULT current_date,
        assigned_case_manager_id uuid REFERENCES clients.staff_member (id),
        search_name text NOT NULL,
        sort_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      `,
      indexes: `
        CREATE INDEX client_case_manager_sort_idx ON clients.client (assigned_case_manager_id, sort_key, id);
        CREATE INDEX client_organization_sort_idx ON clients.client (organization_id, sort_key, id);
        CREATE INDEX client_organization_status_idx ON clients.client (organization_id, status);
        CREATE INDEX client_search_name_trgm_idx ON clients.client USING gin (search_name public.gin_trgm_ops);
      `,
    });

    await createTable(q, 'clients.consent', {
      columns: `
        client_id uuid NOT NULL REFERENCES clients.client (id),
        recipient_organization_id uuid NOT NULL,
        scope text[] NOT NULL CHECK (cardinality(scope) > 0 AND scope <@ ARRAY['CONTACT_INFO', 'ASSESSMENTS', 'PLANS', 'REFERRAL_DETAILS', 'CASE_NOTES']),
        purpose text NOT NULL,
        signed_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL CHECK (expires_at > signed_at),
        revoked_at timestamptz,
        witness text,
        recorded_by uuid NOT NULL REFERENCES clients.staff_member (id),
        created_at timestamptz NOT NULL DEFAULT now()
      `,
      indexed: ['client_id'],
      indexes: `
        CREATE INDEX consent_recipient_client_idx ON clients.consent (recipient_organization_id, client_id);
      `,
    });

    for (const statement of auditTableSql('clients')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.audit_event, clients.consent, clients.client, clients.staff_member');
    await q.query('DROP FUNCTION clients.audit_event_append_only()');
  }
}
