/** Consents as the dashboard reads them: days to expiry, the 14-day warning, and the consent gate of a referral. */
import { addMonths, daysUntilInstant, formatDate, localDate, relativeDays } from './dates';

export const EXPIRY_WARNING_DAYS = 14;

export interface ConsentLike {
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  expiresAt: string;
  revokedAt?: string | null;
  scope: string[];
  recipient: { id: string; name?: string } | null;
}

export type Tone = 'ok' | 'warning' | 'muted';

/** What to say about a consent's validity, and how loudly. */
export function consentNotice(consent: ConsentLike, now: Date = new Date()): { tone: Tone; text: string; days: number | null } {
  if (consent.status === 'REVOKED') return { tone: 'muted', text: `Revoked ${formatDate(consent.revokedAt ?? null)}`, days: null };
  if (consent.status === 'EXPIRED') return { tone: 'muted', text: `Expired ${formatDate(consent.expiresAt)}`, days: null };
  const days = daysUntilInstant(consent.expiresAt, now);
  const text = days <= 0 ? 'Expires today' : `Expires ${relativeDays(days)} (${formatDate(localDate(new Date(consent.expiresAt)))})`;
  return { tone: days < EXPIRY_WARNING_DAYS ? 'warning' : 'ok', text, days };
}

/** An ACTIVE consent to the organization covering `kind` (referral details by default), if the client has one. */
export function coveringConsent<T extends ConsentLike>(
  consents: T[],
  organizationId: string,
  kind = 'REFERRAL_DETAILS',
  now: Date = new Date(),
): T | undefined {
  return consents.find(
    (c) =>
      c.status === 'ACTIVE' &&
      c.recipient?.id === organizationId &&
      c.scope.includes(kind) &&
      new Date(c.expiresAt).getTime() > now.getTime(),
  );
}

/** The default expiry the API applies: three months after signing. */
export function defaultExpiryDate(signedDate: string): string {
  return addMonths(signedDate, 3);
}
