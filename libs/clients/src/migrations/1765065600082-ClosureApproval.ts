import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Closure approval. The agency setting `closure_needs_approval` joins its
 * settings row (off unless set); an agency may now have a row without a time
 * zone, so `time_zone` may be null (it then works in UTC, as without a row).
 *
 * `closure_request`: a case manager's request to close a case, decided by a
 * supervisor of the agency (or withdrawn by the requester). Nothing is
 * deleted. At most one PENDING request per client (a unique partial index);
 * the supervisors' queue is read by agency and status, oldest first.
 */
export class ClosureApproval1765065600082 implements MigrationInterface {
  name = 'ClosureApproval1765065600082';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients.organization_setting ALTER COLUMN time_zone DROP NOT NULL');
    await q.query('ALTER TABLE clients.organization_setting ADD COLUMN closure_needs_approval boolean NOT NULL DEFAULT false');
    await q.query(`CREATE TABLE clients.closure_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES clients.client(id),
      organization_id uuid NOT NULL,
      requested_by uuid NOT NULL REFERENCES clients.staff_member(id),
      requested_at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('EMPLOYED', 'IN_TRAINING', 'REFERRED_ELSEWHERE', 'GOALS_MET', 'DISENGAGED', 'MOVED', 'OTHER')),
      next_steps text CHECK (length(next_steps) BETWEEN 1 AND 5000),
      rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 2000),
      status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
      decided_by uuid REFERENCES clients.staff_member(id),
      decided_at timestamptz,
      decision_note text CHECK (length(decision_note) BETWEEN 1 AND 2000),
      withdrawn_at timestamptz,
      CONSTRAINT closure_request_decision CHECK (
        (status IN ('APPROVED', 'REJECTED')) = (decided_at IS NOT NULL)
        AND (decided_at IS NULL) = (decided_by IS NULL)
        AND (decision_note IS NULL OR decided_at IS NOT NULL)
        AND (status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL)
      )
    )`);
    await q.query("CREATE UNIQUE INDEX closure_request_pending ON clients.closure_request (client_id) WHERE status = 'PENDING'");
    await q.query('CREATE INDEX closure_request_client ON clients.closure_request (client_id, requested_at DESC, id DESC)');
    await q.query('CREATE INDEX closure_request_queue ON clients.closure_request (organization_id, status, requested_at, id)');
    await q.query('CREATE INDEX closure_request_requested_by ON clients.closure_request (requested_by)');
    await q.query('CREATE INDEX closure_request_decided_by ON clients.closure_request (decided_by) WHERE decided_by IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.closure_request');
    await q.query('ALTER TABLE clients.organization_setting DROP COLUMN closure_needs_approval');
    await q.query("UPDATE clients.organization_setting SET time_zone = 'UTC' WHERE time_zone IS NULL");
    await q.query('ALTER TABLE clients.organization_setting ALTER COLUMN time_zone SET NOT NULL');
  }
}
