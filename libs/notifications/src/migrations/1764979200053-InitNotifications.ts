import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditTableSql } from '@caseflow/audit';
import { createTable } from '@caseflow/db';
import { scheduledJobTableSql } from '@caseflow/federation';

// Frozen with the migration: the kinds and channels as released.
const KINDS =
  "'REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'REFERRAL_COMPLETED', 'REFERRAL_EXPIRED', 'REFERRAL_CANCELLED', 'CONSENT_EXPIRING', " +
  "'FOLLOW_UP_DUE', 'STEP_OVERDUE', 'APPOINTMENT_SOON', 'CLIENT_ASSIGNED', 'CONSENT_OVERRIDE_USED', 'APPROVAL_REQUESTED', 'APPROVAL_DECIDED'";

/**
 * The notifications subgraph: each person's notifications (one per event and
 * recipient: a redelivered event adds nothing), their preferences, the
 * e-mails waiting to go or sent (retried with backoff from the table, so
 * nothing is lost across restarts), the audit trail and the jobs' claims.
 * No client data is stored here: only ids, which the owning subgraphs
 * resolve for the reader.
 */
export class InitNotifications1764979200053 implements MigrationInterface {
  name = 'InitNotifications1764979200053';

  async up(q: QueryRunner): Promise<void> {
    // Staff, client, referral and appointment ids belong to other subgraphs: no foreign keys across them.
    await createTable(q, 'notifications.notification', {
      columns: `
        recipient_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 500),
        client_id uuid,
        referral_id uuid,
        appointment_id uuid,
        event_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- false when the recipient chose e-mail only: kept as the e-mail's origin, never listed in the app.
        in_app boolean NOT NULL DEFAULT true,
        digest_email text CHECK (length(digest_email) <= 320),
        CONSTRAINT notification_once_per_event UNIQUE (event_id, recipient_id)
      `,
      indexes: `
        -- A person's list, newest first (keyset on created_at, id), and its unread part.
        CREATE INDEX notification_recipient_created_idx ON notifications.notification (recipient_id, created_at DESC, id DESC) WHERE in_app;
        CREATE INDEX notification_recipient_unread_idx ON notifications.notification (recipient_id, created_at DESC, id DESC) WHERE in_app AND read_at IS NULL;
        -- The daily digest: notifications waiting for one.
        CREATE INDEX notification_digest_pending_idx ON notifications.notification (recipient_id, kind) WHERE digest_email IS NOT NULL;
      `,
    });

    await createTable(q, 'notifications.notification_preference', {
      columns: `
        staff_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        channels text[] NOT NULL CHECK (channels <@ ARRAY['IN_APP', 'EMAIL']::text[]),
        daily_digest boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT notification_preference_staff_kind UNIQUE (staff_id, kind)
      `,
    });

    await createTable(q, 'notifications.mail_delivery', {
      columns: `
        recipient_id uuid NOT NULL,
        to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 320),
        kind text NOT NULL CHECK (kind IN (${KINDS})),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
        notification_id uuid UNIQUE REFERENCES notifications.notification (id),
        digest_key text UNIQUE CHECK (length(digest_key) <= 200),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text CHECK (length(last_error) <= 500),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT mail_delivery_one_origin CHECK ((notification_id IS NULL) <> (digest_key IS NULL))
      `,
      indexes: `
        -- The sender's queue: pending deliveries whose time has come.
        CREATE INDEX mail_delivery_pending_idx ON notifications.mail_delivery (next_attempt_at) WHERE status = 'PENDING';
      `,
    });

    for (const statement of auditTableSql('notifications')) await q.query(statement);
    await q.query(scheduledJobTableSql('notifications'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE notifications.scheduled_job, notifications.audit_event, notifications.mail_delivery, notifications.notification_preference, notifications.notification',
    );
    await q.query('DROP FUNCTION notifications.audit_event_append_only()');
  }
}
