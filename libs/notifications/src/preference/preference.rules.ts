import { badInput } from '@caseflow/core';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
  type Preference,
} from '../notification/notification.kinds';

export interface PreferenceInput {
  kind: string;
  channels: readonly string[];
  dailyDigest?: boolean | null;
}

/**
 * Checks a whole `setNotificationPreferences` before anything is written:
 * at least one preference, each kind once, known kinds and channels, each
 * channel once, and a daily digest only where e-mail is chosen. An empty
 * channel list is allowed: it turns the kind off. Field-named BAD_USER_INPUT otherwise.
 */
export function validPreferences(input: readonly PreferenceInput[]): Preference[] {
  if (input.length === 0) throw badInput('preferences', 'must list at least one preference');
  const seen = new Set<string>();
  return input.map((p, i) => {
    const field = `preferences[${i}]`;
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(p.kind)) throw badInput(`${field}.kind`, 'is not a notification kind');
    if (seen.has(p.kind)) throw badInput(`${field}.kind`, 'is listed twice');
    seen.add(p.kind);
    p.channels.forEach((channel, j) => {
      if (!(NOTIFICATION_CHANNELS as readonly string[]).includes(channel)) throw badInput(`${field}.channels[${j}]`, 'is not a channel');
      if (p.channels.indexOf(channel) !== j) throw badInput(`${field}.channels[${j}]`, 'is listed twice');
    });
    const dailyDigest = p.dailyDigest ?? false;
    if (dailyDigest && !p.channels.includes('EMAIL')) throw badInput(`${field}.dailyDigest`, 'needs the EMAIL channel');
    return { kind: p.kind as NotificationKind, channels: [...p.channels] as NotificationChannel[], dailyDigest };
  });
}
