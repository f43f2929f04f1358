export { notificationsSubgraph, buildNotificationsSchema } from './subgraph';
export { notificationsEventConsumer, applyEvent, type NotificationsConsumerOptions } from './consumer/notifications.consumer';
export type { RecipientDirectory, RecipientsRequest, FetchRecipients } from './consumer/recipients.peer';
export { NOTIFICATION_RECIPIENTS_PATH } from './consumer/recipients.peer';
export { NOTIFICATION_KINDS, type NotificationKind } from './notification/notification.kinds';
export { deliverDueMail, sendDailyDigests } from './mail/mail.job';
export { createMailTransport, describeMailDestination, type MailTransport } from './mail/mail.transport';
export { loadMailSettings, type MailSettings } from './mail/mail.settings';
export type { NotificationsContext } from './context';
