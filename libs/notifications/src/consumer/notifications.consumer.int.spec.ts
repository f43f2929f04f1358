import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@caseflow/events';
import { HARBOUR_ID } from '@caseflow/demo';
import {
  CLIENT_ID,
  event,
  type NotificationsTest,
  recipientsOfEvent,
  referralFacts,
  staff,
  startNotificationsTest,
} from '../testing/testbed';

let n: NotificationsTest;
beforeAll(async () => {
  n = await startNotificationsTest();
});
afterAll(() => n.stop());

const referral = referralFacts;
const clientFacts = { clientId: CLIENT_ID, organizationId: HARBOUR_ID };
const appointment = {
  ...clientFacts,
  appointmentId: randomUUID(),
  staffMemberId: staff('casey').id,
  kind: 'PHONE',
  startsAt: new Date().toISOString(),
  endsAt: new Date().toISOString(),
};

/** Every kind's event, and exactly whom PRODUCT.md "Notifications" says it is for. */
const cases: Array<[string, () => DomainEvent, Record<string, number>]> = [
  ["REFERRAL_RECEIVED → the receiving agency's partners", () => event('referral.sent', referral()), { pat: 1 }],
  ["REFERRAL_CANCELLED → the receiving agency's partners", () => event('referral.cancelled', referral()), { pat: 1 }],
  [
    'REFERRAL_ANSWERED → the referrer and the assigned case manager',
    () => event('referral.answered', { ...referral(), answer: 'DECLINED' }),
    { jordan: 1, casey: 1 },
  ],
  [
    'REFERRAL_COMPLETED → the referrer and the assigned case manager',
    () => event('referral.completed', { ...referral(), outcome: 'SERVICE_PROVIDED' }),
    { jordan: 1, casey: 1 },
  ],
  ['REFERRAL_EXPIRED → the referrer and the assigned case manager', () => event('referral.expired', referral()), { jordan: 1, casey: 1 }],
  [
    'CONSENT_EXPIRING → the case manager and the case team',
    () => event('consent.expiring', { ...clientFacts, consentId: randomUUID(), expiresOn: '2030-01-01' }),
    { casey: 1, jordan: 1 },
  ],
  [
    'FOLLOW_UP_DUE → the case manager and the case team',
    () => event('referral.follow_up_due', { ...referral(), dueOn: '2030-01-01' }),
    { casey: 1, jordan: 1 },
  ],
  [
    'STEP_OVERDUE → the case manager and the case team',
    () =>
      event('plan.step_overdue', {
        ...clientFacts,
        planId: randomUUID(),
        stepId: randomUUID(),
        dueOn: '2030-01-01',
        overdueStepIds: [randomUUID(), randomUUID()],
      }),
    { casey: 1, jordan: 1 },
  ],
  ['APPOINTMENT_SOON → the case manager and the case team', () => event('appointment.soon', appointment), { casey: 1, jordan: 1 }],
  [
    'CLIENT_ASSIGNED → the new case manager',
    () =>
      event('client.assigned', {
        ...clientFacts,
        caseManagerId: staff('jordan').id,
        previousCaseManagerId: staff('casey').id,
        byStaffId: staff('sam').id,
      }),
    { jordan: 1 },
  ],
  [
    "CONSENT_OVERRIDE_USED → the agency's supervisors",
    () => event('consent.override_used', { ...clientFacts, referralId: randomUUID(), byStaffId: staff('casey').id }),
    { sam: 1 },
  ],
  [
    "APPROVAL_REQUESTED → the agency's supervisors",
    () =>
      event('closure.requested', {
        ...clientFacts,
        requestId: randomUUID(),
        requestedById: staff('casey').id,
        byStaffId: staff('casey').id,
      }),
    { sam: 1 },
  ],
  [
    'APPROVAL_DECIDED → the requester',
    () =>
      event('closure.decided', {
        ...clientFacts,
        requestId: randomUUID(),
        requestedById: staff('casey').id,
        approved: true,
        byStaffId: staff('sam').id,
      }),
    { casey: 1 },
  ],
];

describe('the notifications consumer', () => {
  it.each(cases)('%s, once, even when the event is delivered twice', async (_name, make, expected) => {
    const e = make();
    const created = await n.apply(e);
    expect(created).toBe(Object.keys(expected).length);
    expect(await recipientsOfEvent(n.t, e.id)).toEqual(expected);

    expect(await n.apply(e)).toBe(0);
    expect(await recipientsOfEvent(n.t, e.id)).toEqual(expected);
  });

  it('does not notify the person who acted, nor anyone inactive', async () => {
    const self = event('client.assigned', {
      ...clientFacts,
      caseManagerId: staff('casey').id,
      previousCaseManagerId: null,
      byStaffId: staff('casey').id,
    });
    expect(await n.apply(self)).toBe(0);
    expect(await recipientsOfEvent(n.t, self.id)).toEqual({});

    n.directory.staff[staff('jordan').id].active = false;
    try {
      const e = event('consent.expiring', { ...clientFacts, consentId: randomUUID(), expiresOn: '2030-01-01' });
      await n.apply(e);
      expect(await recipientsOfEvent(n.t, e.id)).toEqual({ casey: 1 });
    } finally {
      n.directory.staff[staff('jordan').id].active = true;
    }
  });

  it('ignores events that notify nobody, without asking for recipients', async () => {
    const asked = n.asked.length;
    const e = event('consent.recorded', { ...clientFacts, consentId: randomUUID() });
    expect(await n.apply(e)).toBe(0);
    expect(n.asked.length).toBe(asked);
  });

  it('writes nothing when the clients subgraph cannot answer, so that the event is retried', async () => {
    n.peer.down = true;
    const e = event('referral.sent', referral());
    try {
      await expect(n.apply(e)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      n.peer.down = false;
    }
    expect(await recipientsOfEvent(n.t, e.id)).toEqual({});
    expect(await n.apply(e)).toBe(1);
  });

  it('stores ids and a plain sentence: no client data', async () => {
    const e = event('referral.answered', { ...referral(), answer: 'DECLINED' });
    await n.apply(e);
    const rows: Array<{ message: string; client_id: string; referral_id: string }> = await n.t.subgraph.database.dataSource.query(
      'SELECT message, client_id, referral_id FROM notifications.notification WHERE event_id = $1',
      [e.id],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.message).toBe('Referral to Northside Food Bank declined (Emergency Food).');
      expect(row.client_id).toBe(CLIENT_ID);
      expect(row.referral_id).toBe(e.payload.referralId);
    }
  });
});
