import type { DataSource } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import type { Preference } from '../notification/notification.kinds';
import { preferencesOf } from './preference.queries';
import { type PreferenceInput, validPreferences } from './preference.rules';
import { upsertPreference } from './preference.sql';

export class PreferenceCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
  ) {}

  /** Sets the caller's preferences for the kinds listed (others keep theirs); answers every kind's, in one transaction. */
  async set(actor: Actor, input: readonly PreferenceInput[]): Promise<Preference[]> {
    const preferences = validPreferences(input);
    return this.dataSource.transaction(async (m) => {
      for (const p of preferences) await upsertPreference(m, actor.staffId, p);
      await this.audit.write(m, {
        action: 'UPDATE',
        entityType: 'NotificationPreference',
        entityId: actor.staffId,
        detail: preferences.map((p) => p.kind).join(','),
      });
      return (await preferencesOf(m, [actor.staffId])).get(actor.staffId) ?? [];
    });
  }
}
