import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agency's settings kept by the clients subgraph, one row per agency that
 * has set any: for now its time zone (an IANA name; "today" for its due
 * dates, follow-ups and consent reminders). An agency without a row works in UTC.
 */
export class OrganizationSetting1764892800070 implements MigrationInterface {
  name = 'OrganizationSetting1764892800070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients.organization_setting (
      organization_id uuid PRIMARY KEY,
      time_zone text NOT NULL CHECK (length(time_zone) BETWEEN 1 AND 64),
      updated_by uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE clients.organization_setting');
  }
}
