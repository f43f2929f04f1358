/**
 * The subgraph's consumer as the events runtime runs it: built by the
 * definition's `consumes`, applied through the runtime's inbox (the tables
 * of the subgraph's own migrations), where a redelivered event is a
 * duplicate and an event of a type that notifies nobody only moves its
 * aggregate's position.
 */
import { randomUUID } from 'node:crypto';
import { createLogger } from '@caseflow/core';
import { applyEvent } from '@caseflow/events';
import { HARBOUR_ID } from '@caseflow/demo';
import { notificationsSubgraph } from '../subgraph';
import { CLIENT_ID, event, type NotificationsTest, recipientsOfEvent, staff, startNotificationsTest } from '../testing/testbed';

let n: NotificationsTest;
beforeAll(async () => {
  n = await startNotificationsTest();
});
afterAll(() => n.stop());

describe('the notifications consumer in the events runtime', () => {
  it('applies each event once, through the inbox, to exactly its recipients', async () => {
    const dataSource = n.t.subgraph.database.dataSource;
    const consumer = notificationsSubgraph.consumes!(dataSource, {
      databaseUrl: n.t.runtimeUrl,
      internalSecret: n.t.secret,
      logger: createLogger('notifications', 'silent'),
      peerUrls: { clients: n.clientsUrl },
      dashboardUrl: 'http://dashboard.test',
    });
    expect(consumer.name).toBe('notifications');
    expect(consumer.types).toContain('referral.sent');
    expect(consumer.types).not.toContain('consent.recorded');

    const aggregateId = randomUUID();
    const first = {
      ...event('consent.recorded', { clientId: CLIENT_ID, organizationId: HARBOUR_ID, consentId: randomUUID() }),
      aggregateId,
    };
    const second = {
      ...event('closure.requested', {
        clientId: CLIENT_ID,
        organizationId: HARBOUR_ID,
        requestId: randomUUID(),
        requestedById: staff('casey').id,
        byStaffId: staff('casey').id,
      }),
      aggregateId,
      sequence: 2,
    };
    expect(await applyEvent(dataSource, 'notifications', consumer, first)).toBe('passed');
    expect(await applyEvent(dataSource, 'notifications', consumer, second)).toBe('applied');
    expect(await applyEvent(dataSource, 'notifications', consumer, second)).toBe('duplicate');
    expect(await recipientsOfEvent(n.t, second.id)).toEqual({ sam: 1 });
  });
});
