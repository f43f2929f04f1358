import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createIndexes } from '@caseflow/db';

/**
 * `staffMembers` lists an agency's staff by name (keyset on display name and
 * id): an index in that order finds a page without sorting the agency's
 * staff, and carries the role and active flag the list filters on.
 */
export class StaffByName1765152000091 implements MigrationInterface {
  name = 'StaffByName1765152000091';

  async up(q: QueryRunner): Promise<void> {
    await createIndexes(q, 'clients.staff_member', {
      indexes:
        'CREATE INDEX staff_member_organization_name_idx ON clients.staff_member (organization_id, display_name, id) INCLUDE (role, active);',
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX clients.staff_member_organization_name_idx');
  }
}
