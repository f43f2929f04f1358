import type { DataSource } from 'typeorm';
import type { RequestContext } from '@caseflow/federation';
import { NotificationCommands } from './notification/notification.commands';
import { NotificationQueries } from './notification/notification.queries';
import { PreferenceCommands } from './preference/preference.commands';
import { PreferenceQueries } from './preference/preference.queries';

export interface NotificationsContext extends RequestContext {
  notifications: NotificationQueries;
  notificationCommands: NotificationCommands;
  preferences: PreferenceQueries;
  preferenceCommands: PreferenceCommands;
}

export function createNotificationsContext(dataSource: DataSource, base: RequestContext): NotificationsContext {
  return {
    ...base,
    notifications: new NotificationQueries(dataSource, base.audit),
    notificationCommands: new NotificationCommands(dataSource, base.audit),
    preferences: new PreferenceQueries(dataSource, base.audit),
    preferenceCommands: new PreferenceCommands(dataSource, base.audit),
  };
}
