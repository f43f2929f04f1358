/**
 * Authorization on the paths around a write: a retried `openClient` (its
 * `clientMutationId` replayed) is a read of the client like any other, and
 * re-opening a case never skips intake.
 */
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const OPEN = `mutation($input: OpenClientInput!) { openClient(input: $input) { id displayName dateOfBirth contactPreference { phone } } }`;
const ASSIGN = `mutation($id: ID!, $to: ID!) { assignCaseManager(clientId: $id, staffMemberId: $to) { id } }`;
const CLOSE = `mutation($id: ID!) { closeCase(input: { clientId: $id, outcome: DISENGAGED }) { status } }`;
const REOPEN = `mutation($id: ID!) { reopenCase(clientId: $id, reason: "Came back to the office.") { status } }`;
type Opened = {
  openClient: { id: string; displayName: string; dateOfBirth: string | null; contactPreference: { phone: string | null } | null };
};

const input = (key: string) => ({
  firstName: 'Odalys',
  lastName: 'Brennan',
  dateOfBirth: '1987-09-14',
  contactPreference: { method: 'PHONE', phone: '902-555-0143', voicemailAllowed: true },
  clientMutationId: key,
});
const auditOf = (clientId: string, mark: number) =>
  tb.sql<{ action: string; outcome: string; actor_id: string; detail: string | null }>(
    'SELECT action, outcome, actor_id, detail FROM clients.audit_event WHERE client_id = $1 AND id > $2 ORDER BY id',
    [clientId, mark],
  );
const auditMark = async () => Number((await tb.sql<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM clients.audit_event'))[0].id);

describe('openClient replayed with its clientMutationId', () => {
  it('returns the client to its opener while the case is theirs, and audits the replay as a read', async () => {
    const first = await tb.as<Opened>('casey', OPEN, { input: input('replay-own') });
    expect(first.errors).toBeUndefined();
    const mark = await auditMark();
    const again = await tb.as<Opened>('casey', OPEN, { input: input('replay-own') });
    expect(again.data!.openClient).toEqual(first.data!.openClient);
    expect(await auditOf(first.data!.openClient.id, mark)).toContainEqual({
      action: 'READ',
      outcome: 'ALLOWED',
      actor_id: tb.staff('casey').id,
      detail: 'idempotent retry',
    });
  });

  it('refuses the opener once the case is reassigned: FORBIDDEN, no birth date or phone, the denial audited, nothing created', async () => {
    const first = await tb.as<Opened>('casey', OPEN, { input: input('replay-reassigned') });
    const id = first.data!.openClient.id;
    expect((await tb.as('sam', ASSIGN, { id, to: tb.staff('jordan').id })).errors).toBeUndefined();
    const clients = await tb.count('client');
    const mark = await auditMark();

    const again = await tb.as<Opened>('casey', OPEN, { input: input('replay-reassigned') });
    expect(errorCodes(again)).toEqual(['FORBIDDEN']);
    expect(again.data).toBeNull();
    expect(JSON.stringify(again)).not.toMatch(/1987-09-14|555-0143/);
    expect(await tb.count('client')).toBe(clients);
    expect(await auditOf(id, mark)).toEqual([
      { action: 'READ', outcome: 'DENIED', actor_id: tb.staff('casey').id, detail: 'idempotent retry' },
    ]);
  });

  it('refuses the same key with another input: CONFLICT naming clientMutationId, the first client neither returned nor changed', async () => {
    const first = await tb.as<Opened>('casey', OPEN, { input: input('replay-other-input') });
    const id = first.data!.openClient.id;
    const before = await tb.sql('SELECT * FROM clients.client WHERE id = $1', [id]);
    const clients = await tb.count('client');
    const other = await tb.as<Opened>('casey', OPEN, {
      input: { ...input('replay-other-input'), firstName: 'Someone', dateOfBirth: '1990-01-01' },
    });
    expect(errorCodes(other)).toEqual(['CONFLICT']);
    expect(other.errors![0].message).toContain('clientMutationId');
    expect(other.data).toBeNull();
    expect(JSON.stringify(other)).not.toMatch(/1987-09-14|555-0143/);
    expect(await tb.count('client')).toBe(clients);
    expect(await tb.sql('SELECT * FROM clients.client WHERE id = $1', [id])).toEqual(before);
  });

  it('treats the same input sent in another field order as the same request', async () => {
    const first = await tb.as<Opened>('casey', OPEN, { input: input('replay-order') });
    const { clientMutationId, dateOfBirth, lastName, firstName } = input('replay-order');
    const reordered = {
      clientMutationId,
      contactPreference: { voicemailAllowed: true, phone: '902-555-0143', method: 'PHONE' },
      dateOfBirth,
      lastName,
      firstName,
    };
    const again = await tb.as<Opened>('casey', OPEN, { input: reordered });
    expect(again.data!.openClient.id).toBe(first.data!.openClient.id);
  });
});

describe('reopenCase', () => {
  it('returns a case closed at intake, never found eligible, to INTAKE', async () => {
    const opened = await tb.as<Opened>('casey', OPEN, { input: { firstName: 'Never', lastName: 'Eligible' } });
    const id = opened.data!.openClient.id;
    expect((await tb.as('casey', CLOSE, { id })).data).toEqual({ closeCase: { status: 'CLOSED' } });
    const reopened = await tb.as('casey', REOPEN, { id });
    expect(reopened.data).toEqual({ reopenCase: { status: 'INTAKE' } });
    expect(await tb.sql('SELECT status FROM clients.client WHERE id = $1', [id])).toEqual([{ status: 'INTAKE' }]);
    expect(await tb.sql(`SELECT from_status, to_status FROM clients.case_event WHERE client_id = $1 AND kind = 'REOPENED'`, [id])).toEqual([
      { from_status: 'CLOSED', to_status: 'INTAKE' },
    ]);
    const activate = await tb.as('casey', `mutation($id: ID!) { activateClient(clientId: $id) { status } }`, { id });
    expect(errorCodes(activate)).toEqual(['INVALID_TRANSITION']);
  });

  it('returns a case found not eligible to INTAKE', async () => {
    const opened = await tb.as<Opened>('casey', OPEN, { input: { firstName: 'Found', lastName: 'Ineligible' } });
    const id = opened.data!.openClient.id;
    const determine = `mutation($id: ID!) { determineEligibility(input: { clientId: $id, eligible: false, program: "Employment", rationale: "Outside the region." }) { id } }`;
    expect((await tb.as('casey', determine, { id })).errors).toBeUndefined();
    await tb.as('casey', CLOSE, { id });
    expect((await tb.as('casey', REOPEN, { id })).data).toEqual({ reopenCase: { status: 'INTAKE' } });
  });

  it('returns an eligible case to the status it had when it was closed', async () => {
    const onHold = tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ON_HOLD')!;
    await tb.as('casey', CLOSE, { id: onHold.id });
    expect((await tb.as('casey', REOPEN, { id: onHold.id })).data).toEqual({ reopenCase: { status: 'ON_HOLD' } });
  });
});
