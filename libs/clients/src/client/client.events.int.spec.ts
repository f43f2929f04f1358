import { randomUUID } from 'node:crypto';
import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const OPEN = `mutation($input: OpenClientInput!) { openClient(input: $input) { id } }`;
const ASSIGN = `mutation($c: ID!, $s: ID!) { assignCaseManager(clientId: $c, staffMemberId: $s) { id } }`;
const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(consentId: $id) { id } }`;

/** The events recorded about one aggregate, in order. */
const eventsOf = (aggregateId: string) =>
  tb.sql(
    `SELECT type, aggregate_type, sequence, organization_id, payload FROM clients.outbox_event WHERE aggregate_id = $1 ORDER BY sequence`,
    [aggregateId],
  );

describe('client.assigned', () => {
  it('is recorded with a new client that has a case manager, and not for one that has none', async () => {
    const casey = tb.staff('casey');
    const mine = await tb.as<{ openClient: { id: string } }>('casey', OPEN, { input: { firstName: 'Ines', lastName: 'Vale' } });
    const id = mine.data!.openClient.id;
    expect(await eventsOf(id)).toEqual([
      {
        type: 'client.assigned',
        aggregate_type: 'Client',
        sequence: 1,
        organization_id: casey.organizationId,
        payload: {
          clientId: id,
          organizationId: casey.organizationId,
          caseManagerId: casey.id,
          previousCaseManagerId: null,
          byStaffId: casey.id,
        },
      },
    ]);
    const unassigned = await tb.as<{ openClient: { id: string } }>('sam', OPEN, { input: { firstName: 'Oren', lastName: 'Hale' } });
    expect(await eventsOf(unassigned.data!.openClient.id)).toEqual([]);
  });

  it('is recorded when a supervisor moves the case to another case manager, not when it stays or the move is refused', async () => {
    const [casey, jordan, sam] = [tb.staff('casey'), tb.staff('jordan'), tb.staff('sam')];
    const client = tb.world.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')!;
    expect(errorCodes(await tb.as('casey', ASSIGN, { c: client.id, s: jordan.id }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tb.as('sam', ASSIGN, { c: client.id, s: tb.staff('pat').id }))).toEqual(['BAD_USER_INPUT']);
    expect(await eventsOf(client.id)).toEqual([]);

    expect((await tb.as('sam', ASSIGN, { c: client.id, s: jordan.id })).errors).toBeUndefined();
    expect((await tb.as('sam', ASSIGN, { c: client.id, s: jordan.id })).errors).toBeUndefined();
    expect(await eventsOf(client.id)).toEqual([
      {
        type: 'client.assigned',
        aggregate_type: 'Client',
        sequence: 1,
        organization_id: casey.organizationId,
        payload: {
          clientId: client.id,
          organizationId: casey.organizationId,
          caseManagerId: jordan.id,
          previousCaseManagerId: casey.id,
          byStaffId: sam.id,
        },
      },
    ]);
  });
});

describe('consent.recorded and consent.revoked', () => {
  it('are recorded with the consent and its revocation, and nothing on a refusal', async () => {
    // A case of Jordan's (Casey's first one moved to Jordan above).
    const jordan = tb.staff('jordan');
    const client = tb.world.clients.find((c) => c.caseManagerId === jordan.id && c.status === 'ACTIVE')!;
    const input = {
      clientId: client.id,
      recipientOrganizationId: NORTHSIDE_ID,
      scope: ['CONTACT_INFO'],
      purpose: 'Food bank intake',
      signedAt: new Date().toISOString(),
    };
    const before = await tb.count('outbox_event');
    expect(errorCodes(await tb.as('casey', RECORD, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tb.as('jordan', RECORD, { input: { ...input, recipientOrganizationId: randomUUID() } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await tb.count('outbox_event')).toBe(before);

    const recorded = await tb.as<{ recordConsent: { id: string } }>('jordan', RECORD, { input });
    const consentId = recorded.data!.recordConsent.id;
    expect(errorCodes(await tb.as('casey', REVOKE, { id: consentId }))).toEqual(['FORBIDDEN']);
    expect((await tb.as('jordan', REVOKE, { id: consentId })).errors).toBeUndefined();
    expect(errorCodes(await tb.as('jordan', REVOKE, { id: consentId }))).toEqual(['INVALID_TRANSITION']);

    const payload = { consentId, clientId: client.id, organizationId: jordan.organizationId };
    expect(await eventsOf(consentId)).toEqual(
      ['consent.recorded', 'consent.revoked'].map((type, n) => ({
        type,
        aggregate_type: 'Consent',
        sequence: n + 1,
        organization_id: jordan.organizationId,
        payload,
      })),
    );
    // Identifiers only: the purpose, scope and recipient stay in the clients subgraph.
    expect(JSON.stringify(await eventsOf(consentId))).not.toContain('Food bank');
  });
});
