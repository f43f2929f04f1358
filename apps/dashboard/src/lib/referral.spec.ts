import { partnerActionProblem, partnerActions, senderActions } from './referral';
import { ReferralStatusValues } from '../graphql/generated';

describe('referral moves offered to each side', () => {
  it('offers the receiving organization only the moves of the status machine', () => {
    const offered = Object.fromEntries(ReferralStatusValues.map((s) => [s, partnerActions(s)]));
    expect(offered).toEqual({
      DRAFT: [],
      SENT: ['ACCEPT', 'WAITLIST', 'DECLINE'],
      ACCEPTED: ['START', 'COMPLETE'],
      DECLINED: [],
      WAITLISTED: ['ACCEPT', 'DECLINE'],
      IN_PROGRESS: ['COMPLETE'],
      COMPLETED: [],
      CANCELLED: [],
      EXPIRED: [],
    });
  });

  it('lets the sender send a draft and cancel until the referral is answered for good', () => {
    expect(ReferralStatusValues.filter((s) => senderActions(s).includes('CANCEL'))).toEqual(['DRAFT', 'SENT', 'ACCEPTED', 'WAITLISTED']);
    expect(ReferralStatusValues.filter((s) => senderActions(s).includes('SEND'))).toEqual(['DRAFT']);
  });

  it('asks for a reason to decline and an outcome to complete', () => {
    expect(partnerActionProblem('DECLINE', { reason: ' ', outcome: '' })).toEqual({
      field: 'reason',
      message: expect.stringContaining('reason'),
    });
    expect(partnerActionProblem('COMPLETE', { reason: '', outcome: '' })).toEqual({
      field: 'outcome',
      message: 'Choose the outcome of the service.',
    });
    expect(partnerActionProblem('ACCEPT', { reason: '', outcome: '' })).toBeNull();
  });
});
