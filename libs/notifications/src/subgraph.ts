import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { createNotificationsContext, type NotificationsContext } from './context';
import { startMailJobs } from './mail/mail.start';
import { notificationsEventConsumer } from './consumer/notifications.consumer';
import { InitNotifications1764979200053 } from './migrations/1764979200053-InitNotifications';
import { NotificationsInbox1764979200054 } from './migrations/1764979200054-NotificationsInbox';
import { NotificationResolver } from './notification/notification.resolver';
import { PreferenceResolver, StaffMemberPreferencesResolver } from './preference/preference.resolver';
import { StaffMemberRef, staffMemberReferences } from './refs/staff-member.ref';

export function buildNotificationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [NotificationResolver, PreferenceResolver, StaffMemberPreferencesResolver],
    orphanedTypes: [StaffMemberRef],
    referenceResolvers: { ...staffMemberReferences },
  });
}

/**
 * The notifications subgraph: each person's notifications and preferences,
 * the consumer that makes them from the domain events (`consumes`: every
 * event type that maps to a notification kind), and the e-mail sender and
 * daily digest (every `jobIntervalMs`).
 */
export const notificationsSubgraph: SubgraphDefinition<NotificationsContext> = {
  name: 'notifications',
  // Recipients, their addresses and client access from clients; whether a linked referral may be seen from referrals.
  peers: { clients: 'http://127.0.0.1:4001', referrals: 'http://127.0.0.1:4003' },
  dbSchema: 'notifications',
  entities: [],
  migrations: [InitNotifications1764979200053, NotificationsInbox1764979200054],
  buildSchema: buildNotificationsSchema,
  createContext: (dataSource, base, options) => createNotificationsContext(dataSource, base, options),
  start: (dataSource, options) => startMailJobs(dataSource, options),
  consumes: (dataSource, options) => notificationsEventConsumer(dataSource, options),
};
