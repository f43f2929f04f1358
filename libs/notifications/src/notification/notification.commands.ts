import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput } from '@caseflow/core';
import { markAllRead, markRead } from './notification.sql';

/** At most this many ids in one `markNotificationsRead` (a page is at most 100). */
export const MAX_MARK_READ_IDS = 100;

/**
 * The write side: marking read. Only the caller's own notifications change;
 * ids that are someone else's, unknown or already read are ignored (not
 * NOT_FOUND, which would tell a caller that another person's id exists), and
 * the answer counts what changed.
 */
export class NotificationCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  async markRead(actor: Actor, ids: readonly string[]): Promise<number> {
    if (ids.length > MAX_MARK_READ_IDS) throw badInput('ids', `must list at most ${MAX_MARK_READ_IDS} notifications`);
    const unique = [...new Set(ids)];
    if (unique.length === 0) return 0;
    return this.dataSource.transaction(async (m) => {
      const changed = await markRead(m, actor.staffId, unique);
      if (changed.length > 0) {
        await this.audit.write(m, { action: 'UPDATE', entityType: 'Notification', detail: `marked ${changed.length} read` });
      }
      return changed.length;
    });
  }

  async markAllRead(actor: Actor): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const n = await markAllRead(m, actor.staffId);
      if (n > 0) await this.audit.write(m, { action: 'UPDATE', entityType: 'Notification', detail: `marked all ${n} read` });
      return n;
    });
  }
}
