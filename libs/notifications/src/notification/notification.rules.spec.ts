import type { DomainEvent } from '@caseflow/events';
import type { RecipientDirectory } from '../consumer/recipients.peer';
import { actorOf, KIND_OF_EVENT, kindOf, messageOf, NOTIFYING_EVENT_TYPES, recipientsOf, recipientsRequest } from './notification.rules';
import { NOTIFICATION_KINDS } from './notification.kinds';

const ORG = '00000000-0000-4000-8000-000000000001';
const PARTNER_ORG = '00000000-0000-4000-8000-000000000002';
const CLIENT = '00000000-0000-4000-8000-000000000003';
const [CM, TEAM, SUP, PARTNER, REFERRER] = ['a', 'b', 'c', 'd', 'e'].map((c) => `00000000-0000-4000-8000-00000000000${c}`);

const directory: RecipientDirectory = {
  clients: { [CLIENT]: { organizationId: ORG, assignedCaseManagerId: CM, caseTeam: [TEAM, CM] } },
  organizations: { [ORG]: { SUPERVISOR: [SUP] }, [PARTNER_ORG]: { PARTNER: [PARTNER] } },
  staff: Object.fromEntries(
    [CM, TEAM, SUP, PARTNER, REFERRER].map((id) => [id, { email: `${id}@x.test`, organizationId: ORG, active: true }]),
  ),
};

const event = (type: DomainEvent['type'], payload: Record<string, unknown>): DomainEvent =>
  ({
    id: 'e',
    source: 's',
    type,
    aggregateType: 'T',
    aggregateId: 'a',
    sequence: 1,
    organizationId: ORG,
    occurredAt: '',
    payload,
  }) as DomainEvent;

const referral = {
  clientId: CLIENT,
  referredById: REFERRER,
  receivingOrganizationId: PARTNER_ORG,
  receivingOrganizationName: 'Northside Food Bank',
  serviceName: 'Emergency Food',
};

describe('notification rules', () => {
  it('map every kind from exactly one event type, CLIENT_ASSIGNED also from a caseload transfer', () => {
    expect(new Set(Object.values(KIND_OF_EVENT))).toEqual(new Set(NOTIFICATION_KINDS));
    expect(NOTIFYING_EVENT_TYPES).toHaveLength(NOTIFICATION_KINDS.length + 1);
    expect(NOTIFYING_EVENT_TYPES.filter((t) => KIND_OF_EVENT[t] === 'CLIENT_ASSIGNED').sort()).toEqual([
      'caseload.transferred',
      'client.assigned',
    ]);
  });

  it('name each recipient once, the case team without repeating the case manager', () => {
    expect(recipientsOf('STEP_OVERDUE', event('plan.step_overdue', { clientId: CLIENT }), directory)).toEqual([CM, TEAM]);
    expect(recipientsOf('REFERRAL_ANSWERED', event('referral.answered', referral), directory)).toEqual([REFERRER, CM]);
    expect(recipientsOf('REFERRAL_RECEIVED', event('referral.sent', referral), directory)).toEqual([PARTNER]);
    expect(recipientsOf('APPROVAL_REQUESTED', event('closure.requested', { clientId: CLIENT }), directory)).toEqual([SUP]);
  });

  it('leave out the actor, and anyone the directory does not name as active', () => {
    const e = event('consent.override_used', { clientId: CLIENT, byStaffId: SUP });
    expect(actorOf(e)).toBe(SUP);
    expect(recipientsOf('CONSENT_OVERRIDE_USED', e, directory)).toEqual([]);
    // A supervisor who requests a closure themselves is not asked to approve their own request.
    const requested = event('closure.requested', { clientId: CLIENT, requestedById: SUP, byStaffId: SUP });
    expect(recipientsOf('APPROVAL_REQUESTED', requested, directory)).toEqual([]);
    const unknown = event('client.assigned', { clientId: CLIENT, caseManagerId: '00000000-0000-4000-8000-0000000000ff' });
    expect(recipientsOf('CLIENT_ASSIGNED', unknown, directory)).toEqual([]);
  });

  it('tell the new case manager of a caseload transfer once, and nobody of its per-client assignments', () => {
    const transfer = event('caseload.transferred', {
      transferId: 't',
      organizationId: ORG,
      fromStaffMemberId: REFERRER,
      toStaffMemberId: TEAM,
      clientIds: [CLIENT, 'x', 'y'],
      byStaffId: SUP,
    });
    expect(kindOf(transfer)).toBe('CLIENT_ASSIGNED');
    expect(recipientsRequest('CLIENT_ASSIGNED', transfer)).toEqual({ clientIds: [], organizations: [], staffIds: [TEAM] });
    expect(recipientsOf('CLIENT_ASSIGNED', transfer, directory)).toEqual([TEAM]);
    expect(messageOf('CLIENT_ASSIGNED', transfer)).toBe('3 clients were transferred to you.');
    const assigned = { clientId: CLIENT, caseManagerId: TEAM, previousCaseManagerId: REFERRER, byStaffId: SUP };
    expect(kindOf(event('client.assigned', { ...assigned, transferId: 't' }))).toBeUndefined();
    expect(kindOf(event('client.assigned', assigned))).toBe('CLIENT_ASSIGNED');
    expect(messageOf('CLIENT_ASSIGNED', event('client.assigned', assigned))).toBe('A client was assigned to you.');
  });

  it('word a plain sentence from directory data only', () => {
    expect(messageOf('REFERRAL_ANSWERED', event('referral.answered', { ...referral, answer: 'DECLINED' }))).toBe(
      'Referral to Northside Food Bank declined (Emergency Food).',
    );
    expect(messageOf('STEP_OVERDUE', event('plan.step_overdue', { overdueStepIds: ['a', 'b'] }))).toBe('2 plan steps overdue.');
    expect(messageOf('APPROVAL_DECIDED', event('closure.decided', { approved: false }))).toBe('Your case closure request was rejected.');
  });
});
