import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointments of clients with staff members, indexed for each way they are
 * read (a staff member's week, a client's list, the reminder job's scan by
 * status and start), and the calendar feed secrets (only a hash is kept).
 */
export class Appointments1764892800080 implements MigrationInterface {
  name = 'Appointments1764892800080';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients.appointment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES clients.client(id),
      staff_member_id uuid NOT NULL REFERENCES clients.staff_member(id),
      kind text NOT NULL CHECK (kind IN ('IN_PERSON', 'PHONE', 'VIDEO', 'HOME_VISIT', 'PARTNER_VISIT')),
      status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'ATTENDED', 'NO_SHOW', 'CANCELLED')),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      place text CHECK (length(place) <= 500),
      purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
      referral_id uuid,
      status_changed_at timestamptz,
      status_changed_by uuid REFERENCES clients.staff_member(id),
      status_reason text CHECK (length(status_reason) <= 2000),
      created_by uuid NOT NULL REFERENCES clients.staff_member(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1 CHECK (version > 0),
      client_mutation_id text,
      client_mutation_fingerprint text,
      CONSTRAINT appointment_ends_after_start CHECK (ends_at > starts_at),
      CONSTRAINT appointment_partner_visit_referral CHECK ((kind = 'PARTNER_VISIT') = (referral_id IS NOT NULL))
    )`);
    await q.query('CREATE INDEX appointment_staff_starts ON clients.appointment (staff_member_id, starts_at, id)');
    await q.query('CREATE INDEX appointment_client_starts ON clients.appointment (client_id, starts_at, id)');
    await q.query('CREATE INDEX appointment_status_starts ON clients.appointment (status, starts_at)');
    await q.query('CREATE INDEX appointment_created_by ON clients.appointment (created_by)');
    await q.query('CREATE INDEX appointment_status_changed_by ON clients.appointment (status_changed_by)');
    await q.query(
      'CREATE UNIQUE INDEX appointment_client_mutation ON clients.appointment (created_by, client_mutation_id) WHERE client_mutation_id IS NOT NULL',
    );
    await q.query(`CREATE TABLE clients.calendar_feed (
      staff_member_id uuid PRIMARY KEY REFERENCES clients.staff_member(id),
      nonce uuid NOT NULL,
      secret_hash text NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.calendar_feed');
    await q.query('DROP TABLE clients.appointment');
  }
}
