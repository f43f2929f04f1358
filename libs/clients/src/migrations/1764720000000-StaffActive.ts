import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A staff member can be deactivated (they left, or their account is suspended): the gateway refuses their tokens within a minute. */
export class StaffActive1764720000000 implements MigrationInterface {
  name = 'StaffActive1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients.staff_member ADD COLUMN active boolean NOT NULL DEFAULT true');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE clients.staff_member DROP COLUMN active');
  }
}
