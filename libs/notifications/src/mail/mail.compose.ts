/**
 * What an e-mail says. E-mail is not a safe channel: a message names the
 * kind, the agency and a link into the dashboard — never a client's name,
 * birth date, contact details, need, note or document, and not the in-app
 * sentence either. Pure.
 */
import type { NotificationKind } from '../notification/notification.kinds';

const TITLES: Record<NotificationKind, string> = {
  REFERRAL_RECEIVED: 'A new referral',
  REFERRAL_ANSWERED: 'A referral was answered',
  REFERRAL_COMPLETED: 'A referral was completed',
  REFERRAL_EXPIRED: 'A referral expired',
  REFERRAL_CANCELLED: 'A referral was cancelled',
  CONSENT_EXPIRING: 'A consent is expiring',
  FOLLOW_UP_DUE: 'A follow-up is due',
  STEP_OVERDUE: 'A plan step is overdue',
  APPOINTMENT_SOON: 'An appointment is coming up',
  CLIENT_ASSIGNED: 'A client was assigned to you',
  CONSENT_OVERRIDE_USED: 'A consent override was used',
  APPROVAL_REQUESTED: 'An approval is requested',
  APPROVAL_DECIDED: 'Your request was decided',
};

export interface ComposedMail {
  subject: string;
  text: string;
}

const link = (dashboardUrl: string) => `${dashboardUrl.replace(/\/+$/, '')}/notifications`;
const agencyLine = (organizationName: string | null) => (organizationName ? `Agency: ${organizationName}\n` : '');

/** One notification's e-mail. */
export function composeMail(kind: NotificationKind, organizationName: string | null, dashboardUrl: string): ComposedMail {
  return {
    subject: `Caseflow: ${TITLES[kind]}`,
    text:
      `${TITLES[kind]}.\n\n${agencyLine(organizationName)}` +
      `Sign in to Caseflow to see it:\n${link(dashboardUrl)}\n\n` +
      "For your clients' privacy, e-mails from Caseflow never hold client details.\n",
  };
}

/** A day's digest of one kind. */
export function composeDigest(kind: NotificationKind, count: number, day: string, dashboardUrl: string): ComposedMail {
  return {
    subject: `Caseflow digest: ${TITLES[kind]} (${count} on ${day})`,
    text:
      `Your daily digest for ${day}: ${count} notification${count === 1 ? '' : 's'} of this kind: ${TITLES[kind].toLowerCase()}.\n\n` +
      `Sign in to Caseflow to see them:\n${link(dashboardUrl)}\n\n` +
      "For your clients' privacy, e-mails from Caseflow never hold client details.\n",
  };
}
