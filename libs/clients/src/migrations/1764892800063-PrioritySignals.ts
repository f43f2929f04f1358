import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropInboxTablesSql, inboxTablesSql } from '@caseflow/events';

/**
 * What the other subgraphs' events tell the caseload priority (see
 * caseload/signals.consumer.ts): one row per (client, kind, subject) — the
 * client's overdue plan steps, each referral's last answer, each referral's
 * follow-up day, each appointment's attendance — replaced by a later event
 * only (`at`), so an event applied twice or late changes nothing. And the
 * consumer's inbox (what it has applied, see @caseflow/events).
 */
export class PrioritySignals1764892800063 implements MigrationInterface {
  name = 'PrioritySignals1764892800063';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE clients.priority_signal (
      client_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('STEPS_OVERDUE', 'REFERRAL', 'FOLLOW_UP', 'APPOINTMENT')),
      subject_id uuid NOT NULL,
      status text CHECK (length(status) <= 30),
      label text CHECK (length(label) <= 300),
      count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
      day date,
      at timestamptz NOT NULL,
      event_id uuid NOT NULL,
      PRIMARY KEY (client_id, kind, subject_id)
    )`);
    for (const statement of inboxTablesSql('clients')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const statement of dropInboxTablesSql('clients')) await q.query(statement);
    await q.query('DROP TABLE clients.priority_signal');
  }
}
