/**
 * assignCaseManager's optional reason: kept on the REASSIGNED case event and
 * carried by `client.assigned`; a reason that is too long is refused naming
 * `reason`, with nothing changed; without one, the reassignment is as before.
 */
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const ASSIGN = `mutation($id: ID!, $to: ID!, $reason: String) {
  assignCaseManager(clientId: $id, staffMemberId: $to, reason: $reason) { assignedCaseManager { id } }
}`;

const openOfCasey = (n: number) => tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')[n].id;
const reassignedNotes = (clientId: string) =>
  tb.sql<{ note: string | null }>(`SELECT note FROM clients.case_event WHERE client_id = $1 AND kind = 'REASSIGNED' ORDER BY at`, [
    clientId,
  ]);
const assignedEvents = (clientId: string) =>
  tb.sql<{ payload: Record<string, unknown> }>(
    `SELECT payload FROM clients.outbox_event WHERE type = 'client.assigned' AND aggregate_id = $1 ORDER BY position`,
    [clientId],
  );
const assignee = async (clientId: string) =>
  (await tb.sql<{ id: string }>('SELECT assigned_case_manager_id AS id FROM clients.client WHERE id = $1', [clientId]))[0].id;

describe('assignCaseManager with a reason', () => {
  it('keeps the reason on the case event and in client.assigned, audited as a reassignment', async () => {
    const clientId = openOfCasey(0);
    const audits = await tb.count('audit_event', `client_id = $1 AND action = 'UPDATE'`, [clientId]);
    const res = await tb.as('sam', ASSIGN, { id: clientId, to: tb.staff('jordan').id, reason: '  Casey is on leave this month.  ' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ assignCaseManager: { assignedCaseManager: { id: tb.staff('jordan').id } } });
    expect(await reassignedNotes(clientId)).toEqual([{ note: 'Casey is on leave this month.' }]);
    expect((await assignedEvents(clientId)).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        caseManagerId: tb.staff('jordan').id,
        previousCaseManagerId: tb.staff('casey').id,
        byStaffId: tb.staff('sam').id,
        reason: 'Casey is on leave this month.',
      }),
    ]);
    expect(await tb.count('audit_event', `client_id = $1 AND action = 'UPDATE'`, [clientId])).toBe(audits + 1);
  });

  it('refuses a reason that is too long, naming it, with nothing changed', async () => {
    const clientId = openOfCasey(1);
    const audits = await tb.count('audit_event', 'client_id = $1', [clientId]);
    const res = await tb.as('sam', ASSIGN, { id: clientId, to: tb.staff('jordan').id, reason: 'x'.repeat(2001) });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions).toMatchObject({ field: 'reason' });
    expect(await assignee(clientId)).toBe(tb.staff('casey').id);
    expect(await reassignedNotes(clientId)).toEqual([]);
    expect(await assignedEvents(clientId)).toEqual([]);
    expect(await tb.count('audit_event', 'client_id = $1', [clientId])).toBe(audits);
  });

  it('still reassigns without one, as before', async () => {
    const clientId = openOfCasey(2);
    const res = await tb.as('sam', ASSIGN, { id: clientId, to: tb.staff('jordan').id });
    expect(res.errors).toBeUndefined();
    expect(await assignee(clientId)).toBe(tb.staff('jordan').id);
    expect(await reassignedNotes(clientId)).toEqual([{ note: null }]);
    expect((await assignedEvents(clientId))[0].payload).not.toHaveProperty('reason');
  });
});
