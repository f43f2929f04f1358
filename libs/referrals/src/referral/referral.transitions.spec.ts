import {
  REFERRAL_MOVES,
  REFERRAL_SIDES,
  REFERRAL_STATUSES,
  type ReferralMove,
  type ReferralSide,
  type ReferralStatus,
  decideTransition,
} from './referral.transitions';

/**
 * The whole table, written out by hand from PRODUCT.md step 7 (not derived
 * from the rules under test): for each move, its side and every status it may
 * leave, with the status it leads to.
 */
const ALLOWED: Record<ReferralMove, { side: ReferralSide; from: Partial<Record<ReferralStatus, ReferralStatus>> }> = {
  SEND: { side: 'SENDER', from: { DRAFT: 'SENT' } },
  ACCEPT: { side: 'RECEIVER', from: { SENT: 'ACCEPTED', WAITLISTED: 'ACCEPTED' } },
  DECLINE: { side: 'RECEIVER', from: { SENT: 'DECLINED', WAITLISTED: 'DECLINED' } },
  WAITLIST: { side: 'RECEIVER', from: { SENT: 'WAITLISTED' } },
  START: { side: 'RECEIVER', from: { ACCEPTED: 'IN_PROGRESS' } },
  COMPLETE: { side: 'RECEIVER', from: { ACCEPTED: 'COMPLETED', IN_PROGRESS: 'COMPLETED' } },
  CANCEL: { side: 'SENDER', from: { DRAFT: 'CANCELLED', SENT: 'CANCELLED', ACCEPTED: 'CANCELLED', WAITLISTED: 'CANCELLED' } },
  EXPIRE: { side: 'SYSTEM', from: { SENT: 'EXPIRED', WAITLISTED: 'EXPIRED' } },
};

type Row = [ReferralStatus, ReferralMove, ReferralSide, string];
const table: Row[] = REFERRAL_STATUSES.flatMap((status) =>
  REFERRAL_MOVES.flatMap((move) =>
    REFERRAL_SIDES.map((side): Row => {
      const rule = ALLOWED[move];
      const expected = rule.side !== side ? 'FORBIDDEN' : (rule.from[status] ?? 'INVALID_TRANSITION');
      return [status, move, side, expected];
    }),
  ),
);

describe('decideTransition: every (status, move, side)', () => {
  it('covers 9 statuses × 8 moves × 3 sides', () => {
    expect(table).toHaveLength(9 * 8 * 3);
    expect(table.filter(([, , , expected]) => !['FORBIDDEN', 'INVALID_TRANSITION'].includes(expected))).toHaveLength(15);
  });

  it.each(table)('%s --%s by %s--> %s', (status, move, side, expected) => {
    const decision = decideTransition(status, move, side);
    if (expected === 'FORBIDDEN' || expected === 'INVALID_TRANSITION') {
      expect(decision).toMatchObject({ allowed: false, code: expected });
    } else {
      expect(decision).toEqual({ allowed: true, from: status, to: expected });
    }
  });
});

describe('decideTransition: messages', () => {
  it('names the side that may make the move when the side is wrong', () => {
    expect(decideTransition('SENT', 'ACCEPT', 'SENDER')).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      message: 'Only the receiving organization may accept a referral',
    });
    expect(decideTransition('SENT', 'CANCEL', 'RECEIVER')).toMatchObject({
      message: "Only the referring agency's case side may cancel a referral",
    });
  });

  it('names the statuses the move leaves when the status is wrong', () => {
    expect(decideTransition('COMPLETED', 'CANCEL', 'SENDER')).toEqual({
      allowed: false,
      code: 'INVALID_TRANSITION',
      message: 'The referral is COMPLETED: it can be cancelled only from DRAFT, SENT, ACCEPTED or WAITLISTED',
    });
    expect(decideTransition('SENT', 'SEND', 'SENDER')).toMatchObject({ message: 'The referral is SENT: it can be sent only from DRAFT' });
  });
});
