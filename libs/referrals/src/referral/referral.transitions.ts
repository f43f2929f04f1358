/**
 * The referral status machine (PRODUCT.md step 7), pure: which move leads
 * from which status to which, and which side of the referral may make it.
 *
 * - The sender's side (the referring case manager or supervisor, with case
 *   access to the client) sends and cancels.
 * - The receiving side (partner staff of the organization the referral was
 *   sent to) accepts, declines, waitlists, starts and completes.
 * - The system expires referrals left unanswered past their deadline.
 *
 * A move by the wrong side is FORBIDDEN whatever the status; a move by the
 * right side from a status it does not leave is INVALID_TRANSITION.
 */

/** A referral's statuses, as a closed list (the database CHECKs the same values). */
export const REFERRAL_STATUSES = [
  'DRAFT',
  'SENT',
  'ACCEPTED',
  'DECLINED',
  'WAITLISTED',
  'IN_PROGRESS',
  'COMPLETED',
  'CANCELLED',
  'EXPIRED',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** A referral out or under way: what a caseload shows, what a follow-up still means something for. */
export const OPEN_REFERRAL_STATUSES = ['SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS'] as const satisfies readonly ReferralStatus[];

export const REFERRAL_MOVES = ['SEND', 'ACCEPT', 'DECLINE', 'WAITLIST', 'START', 'COMPLETE', 'CANCEL', 'EXPIRE'] as const;
export type ReferralMove = (typeof REFERRAL_MOVES)[number];

export const REFERRAL_SIDES = ['SENDER', 'RECEIVER', 'SYSTEM'] as const;
export type ReferralSide = (typeof REFERRAL_SIDES)[number];

interface MoveRule {
  side: ReferralSide;
  from: readonly ReferralStatus[];
  to: ReferralStatus;
}

export const MOVE_RULES: Readonly<Record<ReferralMove, MoveRule>> = {
  SEND: { side: 'SENDER', from: ['DRAFT'], to: 'SENT' },
  ACCEPT: { side: 'RECEIVER', from: ['SENT', 'WAITLISTED'], to: 'ACCEPTED' },
  DECLINE: { side: 'RECEIVER', from: ['SENT', 'WAITLISTED'], to: 'DECLINED' },
  WAITLIST: { side: 'RECEIVER', from: ['SENT'], to: 'WAITLISTED' },
  START: { side: 'RECEIVER', from: ['ACCEPTED'], to: 'IN_PROGRESS' },
  COMPLETE: { side: 'RECEIVER', from: ['ACCEPTED', 'IN_PROGRESS'], to: 'COMPLETED' },
  CANCEL: { side: 'SENDER', from: ['DRAFT', 'SENT', 'ACCEPTED', 'WAITLISTED'], to: 'CANCELLED' },
  EXPIRE: { side: 'SYSTEM', from: ['SENT', 'WAITLISTED'], to: 'EXPIRED' },
};

/** Statuses the expiry sweep moves to EXPIRED once `respondBy` has passed. */
export const EXPIRABLE_STATUSES = MOVE_RULES.EXPIRE.from;

/** Statuses in which a referral is still open (not closed for good). */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['DRAFT', 'SENT', 'ACCEPTED', 'WAITLISTED', 'IN_PROGRESS'];

export type TransitionDecision =
  | { allowed: true; from: ReferralStatus; to: ReferralStatus }
  | { allowed: false; code: 'FORBIDDEN' | 'INVALID_TRANSITION'; message: string };

const verb: Record<ReferralMove, [string, string]> = {
  SEND: ['send', 'sent'],
  ACCEPT: ['accept', 'accepted'],
  DECLINE: ['decline', 'declined'],
  WAITLIST: ['waitlist', 'waitlisted'],
  START: ['start', 'started'],
  COMPLETE: ['complete', 'completed'],
  CANCEL: ['cancel', 'cancelled'],
  EXPIRE: ['expire', 'expired'],
};

const sideName: Record<ReferralSide, string> = {
  SENDER: "the referring agency's case side",
  RECEIVER: 'the receiving organization',
  SYSTEM: 'the system',
};

const listOf = (statuses: readonly string[]) =>
  statuses.length === 1 ? statuses[0] : `${statuses.slice(0, -1).join(', ')} or ${statuses[statuses.length - 1]}`;

/** Decides one move: the status it leads to, or why it is refused. */
export function decideTransition(from: ReferralStatus, move: ReferralMove, side: ReferralSide): TransitionDecision {
  const rule = MOVE_RULES[move];
  if (rule.side !== side) {
    return { allowed: false, code: 'FORBIDDEN', message: `Only ${sideName[rule.side]} may ${verb[move][0]} a referral` };
  }
  if (!rule.from.includes(from)) {
    return {
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: `The referral is ${from}: it can be ${verb[move][1]} only from ${listOf(rule.from)}`,
    };
  }
  return { allowed: true, from, to: rule.to };
}
