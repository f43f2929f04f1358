/**
 * Which moves a referral allows, by side, as the referrals subgraph's status
 * machine has them; the dashboard offers only these (the server decides).
 */
import type { ReferralStatus } from '../graphql/generated';

export type PartnerAction = 'ACCEPT' | 'WAITLIST' | 'DECLINE' | 'START' | 'COMPLETE';
export type SenderAction = 'SEND' | 'CANCEL';

export const OPEN_REFERRAL_STATUSES: ReferralStatus[] = ['SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS'];
export const CLOSED_REFERRAL_STATUSES: ReferralStatus[] = ['DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED'];

export function partnerActions(status: ReferralStatus): PartnerAction[] {
  switch (status) {
    case 'SENT':
      return ['ACCEPT', 'WAITLIST', 'DECLINE'];
    case 'WAITLISTED':
      return ['ACCEPT', 'DECLINE'];
    case 'ACCEPTED':
      return ['START', 'COMPLETE'];
    case 'IN_PROGRESS':
      return ['COMPLETE'];
    default:
      return [];
  }
}

export function senderActions(status: ReferralStatus): SenderAction[] {
  if (status === 'DRAFT') return ['SEND', 'CANCEL'];
  if (status === 'SENT' || status === 'ACCEPTED' || status === 'WAITLISTED') return ['CANCEL'];
  return [];
}

export const PARTNER_ACTION_LABELS: Record<PartnerAction, string> = {
  ACCEPT: 'Accept',
  WAITLIST: 'Waitlist',
  DECLINE: 'Decline',
  START: 'Start service',
  COMPLETE: 'Complete',
};

/** What the action needs from the partner before it can be sent. */
export function partnerActionProblem(
  action: PartnerAction,
  input: { reason: string; outcome: string },
): { field: 'reason' | 'outcome'; message: string } | null {
  if (action === 'DECLINE' && !input.reason.trim())
    return { field: 'reason', message: 'Give the reason for declining; the case manager sees it.' };
  if (action === 'COMPLETE' && !input.outcome) return { field: 'outcome', message: 'Choose the outcome of the service.' };
  if (input.reason.length > 2000) return { field: 'reason', message: 'Use at most 2,000 characters.' };
  return null;
}
