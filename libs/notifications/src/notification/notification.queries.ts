import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { canRead } from '@caseflow/auth';
import type { NotificationsLoaders } from '../loaders';
import { decodeCursor, encodeCursor, pageSize } from '@caseflow/db';
import { toNotification } from './notification.mapper';
import { selectPage } from './notification.sql';
import type { Notification, NotificationConnection } from './notification.type';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export interface NotificationsArgs {
  unreadOnly?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** The read side: a person only ever reads their own notifications (the recipient is the caller in every statement). */
export class NotificationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: NotificationsLoaders,
    private readonly audit: AuditTrail,
  ) {}

  /** The linked client, while the reader may read the client's name (CONTACT_INFO, asked of the clients subgraph); null otherwise. */
  async clientLink(n: Notification): Promise<{ id: string } | null> {
    if (!n.clientId) return null;
    return canRead(await this.loaders.access.load(n.clientId), 'CONTACT_INFO') ? { id: n.clientId } : null;
  }

  /** The linked referral, while the referrals subgraph shows it to the reader; null otherwise. */
  async referralLink(n: Notification): Promise<{ id: string } | null> {
    if (!n.referralId) return null;
    return (await this.loaders.referralVisible.load(n.referralId)) ? { id: n.referralId } : null;
  }

  /** The linked appointment, under the same rule as its client (an appointment is client data). */
  async appointmentLink(n: Notification): Promise<{ id: string } | null> {
    if (!n.appointmentId || !n.clientId) return null;
    return canRead(await this.loaders.access.load(n.clientId), 'CONTACT_INFO') ? { id: n.appointmentId } : null;
  }

  /** The caller's notifications, newest first (keyset on created_at, id), with the totals of the whole list. */
  async list(actor: Actor, args: NotificationsArgs): Promise<NotificationConnection> {
    const size = pageSize(args.first, NOTIFICATIONS_PAGE_SIZE);
    const after = decodeCursor(args.after, ['timestamp', 'uuid']) as [string, string] | null;
    const unreadOnly = args.unreadOnly ?? false;
    const { rows, ...counts } = await selectPage(this.dataSource, { recipientId: actor.staffId, unreadOnly, after, limit: size + 1 });
    const page = rows.slice(0, size);
    // What a notification names is read (and audited) in the subgraph that owns it; here the list itself is noted.
    this.audit.note({ action: 'SEARCH', entityType: 'Notification', detail: unreadOnly ? 'own, unread' : 'own' });
    const edges = page.map((row) => ({ cursor: encodeCursor([row.created_at.toISOString(), row.id]), node: toNotification(row) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: unreadOnly ? counts.unread : counts.total,
      unreadCount: counts.unread,
    };
  }
}
