export { seedNotifications } from './seed';
export { demoNotifications, type SeededNotification } from './demo-notifications';
