export { NotificationsPage, UnreadNotifications } from './NotificationsPage';
export { UnreadIndicator } from './UnreadIndicator';
export { NotificationSettingsPage } from './NotificationSettingsPage';
