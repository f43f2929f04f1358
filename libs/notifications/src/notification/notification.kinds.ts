/**
 * The notification kinds and channels of the public API, as closed lists
 * (the database CHECKs the same values), and the defaults of PRODUCT.md
 * "Notifications": in-app for every kind, e-mail too for the three that ask
 * someone to act (a referral received or answered, an approval requested).
 */
export const NOTIFICATION_KINDS = [
  'REFERRAL_RECEIVED',
  'REFERRAL_ANSWERED',
  'REFERRAL_COMPLETED',
  'REFERRAL_EXPIRED',
  'REFERRAL_CANCELLED',
  'CONSENT_EXPIRING',
  'FOLLOW_UP_DUE',
  'STEP_OVERDUE',
  'APPOINTMENT_SOON',
  'CLIENT_ASSIGNED',
  'CONSENT_OVERRIDE_USED',
  'APPROVAL_REQUESTED',
  'APPROVAL_DECIDED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_CHANNELS = ['IN_APP', 'EMAIL'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const EMAIL_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set(['REFERRAL_RECEIVED', 'REFERRAL_ANSWERED', 'APPROVAL_REQUESTED']);

export interface Preference {
  kind: NotificationKind;
  channels: NotificationChannel[];
  dailyDigest: boolean;
}

export function defaultPreference(kind: NotificationKind): Preference {
  return { kind, channels: EMAIL_BY_DEFAULT.has(kind) ? ['IN_APP', 'EMAIL'] : ['IN_APP'], dailyDigest: false };
}

/** Every kind, in the order of the list: the stored preference where there is one, the default otherwise. */
export function effectivePreferences(stored: readonly Preference[]): Preference[] {
  const byKind = new Map(stored.map((p) => [p.kind, p]));
  return NOTIFICATION_KINDS.map((kind) => byKind.get(kind) ?? defaultPreference(kind));
}

export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
