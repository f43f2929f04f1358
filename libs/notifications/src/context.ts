import type { DataSource } from 'typeorm';
import type { RequestContext, SubgraphRuntimeOptions } from '@caseflow/federation';
import { createNotificationsLoaders, type NotificationsLoaders } from './loaders';
import { NotificationCommands } from './notification/notification.commands';
import { NotificationQueries } from './notification/notification.queries';
import { PreferenceCommands } from './preference/preference.commands';
import { PreferenceQueries } from './preference/preference.queries';

export interface NotificationsContext extends RequestContext {
  loaders: NotificationsLoaders;
  notifications: NotificationQueries;
  notificationCommands: NotificationCommands;
  preferences: PreferenceQueries;
  preferenceCommands: PreferenceCommands;
}

export function createNotificationsContext(
  dataSource: DataSource,
  base: RequestContext,
  options: SubgraphRuntimeOptions,
): NotificationsContext {
  const loaders = createNotificationsLoaders(options, base);
  return {
    ...base,
    loaders,
    notifications: new NotificationQueries(dataSource, loaders, base.audit),
    notificationCommands: new NotificationCommands(dataSource, base.audit),
    preferences: new PreferenceQueries(dataSource, base.audit),
    preferenceCommands: new PreferenceCommands(dataSource, base.audit),
  };
}
