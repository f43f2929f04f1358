import type { DataSource } from 'typeorm';
import type { DemoWorld } from '@caseflow/demo';
import { demoNotifications } from './demo-notifications';

/** Writes the notifications subgraph's part of the demo world (unread notifications for Casey and Pat); safe to run twice. */
export async function seedNotifications(dataSource: DataSource, world: DemoWorld): Promise<void> {
  const rows = demoNotifications(world);
  const column = <T>(value: (n: (typeof rows)[number]) => T) => rows.map(value);
  await dataSource.query(
    `INSERT INTO notifications.notification (id, event_id, recipient_id, organization_id, kind, message, client_id, referral_id, created_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::timestamptz[])
     ON CONFLICT DO NOTHING`,
    [
      column((n) => n.id),
      column((n) => n.eventId),
      column((n) => n.recipientId),
      column((n) => n.organizationId),
      column((n) => n.kind),
      column((n) => n.message),
      column((n) => n.clientId),
      column((n) => n.referralId),
      column((n) => n.createdAt),
    ],
  );
}
