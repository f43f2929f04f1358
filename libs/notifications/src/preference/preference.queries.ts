import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { effectivePreferences, type NotificationChannel, type NotificationKind, type Preference } from '../notification/notification.kinds';
import { type PreferenceRow, selectPreferences } from './preference.sql';

export const toPreference = (row: PreferenceRow): Preference => ({
  kind: row.kind as NotificationKind,
  channels: row.channels as NotificationChannel[],
  dailyDigest: row.daily_digest,
});

/** Every kind's preference of these staff members (the defaults where they set none), by staff id. */
export async function preferencesOf(
  dataSource: Pick<DataSource, 'query'>,
  staffIds: readonly string[],
): Promise<Map<string, Preference[]>> {
  const rows = staffIds.length === 0 ? [] : await selectPreferences(dataSource, staffIds);
  return new Map(staffIds.map((id) => [id, effectivePreferences(rows.filter((r) => r.staff_id === id).map(toPreference))]));
}

export class PreferenceQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** A staff member's preferences, to themself only: null for anyone else (noted as a denial). */
  async of(actor: Actor, staffId: string): Promise<Preference[] | null> {
    if (staffId !== actor.staffId) {
      this.audit.note({ action: 'READ', entityType: 'NotificationPreference', entityId: staffId, outcome: 'DENIED', detail: 'not self' });
      return null;
    }
    return (await preferencesOf(this.dataSource, [staffId])).get(staffId) ?? null;
  }
}
