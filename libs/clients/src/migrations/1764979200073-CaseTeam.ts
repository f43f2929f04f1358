import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case team: staff besides the assigned case manager who work a case.
 * Nothing is deleted: a removal sets removed_at, removed_by and its reason.
 * At most one current (not removed) row per client and staff member; the
 * access rule reads current members by client, the team page by staff.
 */
export class CaseTeam1764979200073 implements MigrationInterface {
  name = 'CaseTeam1764979200073';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients.case_team_member (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL REFERENCES clients.client(id),
      staff_member_id uuid NOT NULL REFERENCES clients.staff_member(id),
      role text NOT NULL CHECK (role IN ('SECONDARY_CASE_MANAGER', 'SPECIALIST', 'PEER_SUPPORT')),
      until date,
      added_at timestamptz NOT NULL DEFAULT now(),
      added_by uuid NOT NULL REFERENCES clients.staff_member(id),
      removed_at timestamptz,
      removed_by uuid REFERENCES clients.staff_member(id),
      removal_reason text CHECK (length(removal_reason) BETWEEN 1 AND 2000),
      CONSTRAINT case_team_member_removal CHECK ((removed_at IS NULL) = (removed_by IS NULL) AND (removed_at IS NULL) = (removal_reason IS NULL))
    )`);
    await q.query(
      'CREATE UNIQUE INDEX case_team_member_current ON clients.case_team_member (client_id, staff_member_id) INCLUDE (until) WHERE removed_at IS NULL',
    );
    await q.query('CREATE INDEX case_team_member_staff ON clients.case_team_member (staff_member_id) WHERE removed_at IS NULL');
    await q.query('CREATE INDEX case_team_member_client ON clients.case_team_member (client_id)');
    await q.query('CREATE INDEX case_team_member_added_by ON clients.case_team_member (added_by)');
    await q.query('CREATE INDEX case_team_member_removed_by ON clients.case_team_member (removed_by) WHERE removed_by IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.case_team_member');
  }
}
