/**
 * transferCaseload: a supervisor moves clients between case managers of the
 * agency in one transaction; one bad id moves nothing; each client is
 * reassigned, audited and evented, and the transfer itself evented once.
 */
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const TRANSFER = `mutation($input: TransferCaseloadInput!) {
  transferCaseload(input: $input) { movedCount clients { id assignedCaseManager { id } } }
}`;
type Transferred = { transferCaseload: { movedCount: number; clients: Array<{ id: string; assignedCaseManager: { id: string } }> } };

const id = (key: StaffKey) => tb.staff(key).id;
const assignments = (ids: string[]) =>
  tb.sql<{ id: string; assigned_case_manager_id: string; updated_at: Date }>(
    'SELECT id, assigned_case_manager_id, updated_at FROM clients.client WHERE id = ANY($1::uuid[]) ORDER BY id',
    [ids],
  );
const outboxMark = async () =>
  Number((await tb.sql<{ n: string }>('SELECT coalesce(max(position), 0) AS n FROM clients.outbox_event'))[0].n);
const eventsSince = (mark: number) =>
  tb.sql<{ type: string; aggregate_id: string; payload: Record<string, unknown> }>(
    'SELECT type, aggregate_id, payload FROM clients.outbox_event WHERE position > $1 ORDER BY position',
    [mark],
  );
const openOf = async (key: StaffKey) =>
  (
    await tb.sql<{ id: string }>(`SELECT id FROM clients.client WHERE assigned_case_manager_id = $1 AND status <> 'CLOSED' ORDER BY id`, [
      id(key),
    ])
  ).map((r) => r.id);
const closedOf = async (key: StaffKey) =>
  (await tb.sql<{ id: string }>(`SELECT id FROM clients.client WHERE assigned_case_manager_id = $1 AND status = 'CLOSED'`, [id(key)])).map(
    (r) => r.id,
  );
const transfer = (by: StaffKey, input: Record<string, unknown>) =>
  tb.as<Transferred>(by, TRANSFER, {
    input: { fromStaffMemberId: id('casey'), toStaffMemberId: id('jordan'), reason: 'Casey is on leave.', ...input },
  });

describe('transferCaseload', () => {
  it('moves nothing when one named client is not an open client of the case manager, naming that entry', async () => {
    const open = await openOf('casey');
    const [closed] = await closedOf('casey');
    const [jordans] = await openOf('jordan');
    const all = [...open, closed, jordans];
    const before = await assignments(all);
    const mark = await outboxMark();
    const audits = await tb.count('audit_event');
    for (const [bad, at] of [
      [closed, 1],
      [jordans, 2],
      ['00000000-0000-4000-8000-000000000000', 1],
    ] as const) {
      const clientIds = [open[0], open[1], open[2]];
      clientIds.splice(at, 0, bad);
      const answer = await transfer('sam', { clientIds });
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0].extensions).toMatchObject({ field: `input.clientIds[${at}]` });
    }
    expect(await assignments(all)).toEqual(before);
    expect(await eventsSince(mark)).toEqual([]);
    expect(await tb.count('audit_event')).toBe(audits);
  });

  it('refuses bad input naming the field, and callers who are not supervisors', async () => {
    const open = await openOf('casey');
    const before = await assignments(open);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ toStaffMemberId: id('casey') }, 'input.toStaffMemberId'],
      [{ toStaffMemberId: id('sam') }, 'input.toStaffMemberId'],
      [{ fromStaffMemberId: id('pat') }, 'input.fromStaffMemberId'],
      [{ toStaffMemberId: 'nobody' }, 'input.toStaffMemberId'],
      [{ reason: ' ' }, 'input.reason'],
      [{ clientIds: [] }, 'input.clientIds'],
      [{ clientIds: [open[0], 'x'] }, 'input.clientIds[1]'],
      [{ clientIds: [open[0], open[1], open[0]] }, 'input.clientIds[2]'],
    ];
    for (const [input, field] of cases) {
      const answer = await transfer('sam', input);
      expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    await tb.sql('UPDATE clients.staff_member SET active = false WHERE id = $1', [id('jordan')]);
    try {
      expect((await transfer('sam', {})).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.toStaffMemberId' });
    } finally {
      await tb.sql('UPDATE clients.staff_member SET active = true WHERE id = $1', [id('jordan')]);
    }
    for (const who of ['casey', 'jordan', 'alex', 'admin', 'pat'] as const) {
      expect(errorCodes(await transfer(who, {}))).toEqual(['FORBIDDEN']);
    }
    expect(await assignments(open)).toEqual(before);
  });

  it('moves the named clients in one step: reassigned, audited and evented per client, the transfer evented once', async () => {
    const [a, b] = await openOf('casey');
    const mark = await outboxMark();
    const before = await assignments([a, b]);
    const answer = await transfer('sam', { clientIds: [b, a] });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.transferCaseload).toEqual({
      movedCount: 2,
      clients: [
        { id: b, assignedCaseManager: { id: id('jordan') } },
        { id: a, assignedCaseManager: { id: id('jordan') } },
      ],
    });
    const after = await assignments([a, b]);
    after.forEach((row, i) => {
      expect(row.assigned_case_manager_id).toBe(id('jordan'));
      expect(row.updated_at.getTime()).toBeGreaterThan(before[i].updated_at.getTime());
    });
    const events = await eventsSince(mark);
    const transferred = events.filter((e) => e.type === 'caseload.transferred');
    expect(transferred).toHaveLength(1);
    const transferId = transferred[0].payload.transferId;
    expect(transferred[0].payload).toEqual({
      transferId,
      organizationId: tb.staff('sam').organizationId,
      fromStaffMemberId: id('casey'),
      toStaffMemberId: id('jordan'),
      clientIds: [b, a],
      byStaffId: id('sam'),
    });
    const assigned = events.filter((e) => e.type === 'client.assigned');
    expect(assigned.map((e) => e.aggregate_id).sort()).toEqual([a, b].sort());
    for (const e of assigned)
      expect(e.payload).toMatchObject({ caseManagerId: id('jordan'), previousCaseManagerId: id('casey'), transferId });
    expect(
      await tb.count(
        'case_event',
        `client_id = ANY($1::uuid[]) AND kind = 'REASSIGNED' AND note = 'Casey is on leave.' AND actor_id = $2`,
        [[a, b], id('sam')],
      ),
    ).toBe(2);
    expect(
      await tb.count('audit_event', `client_id = ANY($1::uuid[]) AND detail = $2`, [
        [a, b],
        `assignedCaseManager: caseload transfer ${transferId}`,
      ]),
    ).toBe(2);
  });

  it('takes a receiver off the team of a client they now hold, keeping the membership with the reason', async () => {
    const [c] = await openOf('casey');
    const add = `mutation($input: AddCaseTeamMemberInput!) { addCaseTeamMember(input: $input) { id } }`;
    expect((await tb.as('casey', add, { input: { clientId: c, staffMemberId: id('jordan'), role: 'SPECIALIST' } })).errors).toBeUndefined();
    expect((await transfer('sam', { clientIds: [c] })).errors).toBeUndefined();
    expect(
      await tb.sql('SELECT removed_by, removal_reason FROM clients.case_team_member WHERE client_id = $1 AND staff_member_id = $2', [
        c,
        id('jordan'),
      ]),
    ).toEqual([{ removed_by: id('sam'), removal_reason: 'Became the assigned case manager' }]);
    const team = await tb.as<{ client: { caseTeam: unknown[] } }>('sam', `query($id: ID!) { client(id: $id) { caseTeam { role } } }`, {
      id: c,
    });
    expect(team.data!.client.caseTeam).toEqual([]);
  });

  it('moves every open client of the case manager when none are named, and leaves the closed ones', async () => {
    const open = await openOf('jordan');
    const closed = await closedOf('jordan');
    const answer = await tb.as<Transferred>('sam', TRANSFER, {
      input: { fromStaffMemberId: id('jordan'), toStaffMemberId: id('casey'), reason: 'Jordan moves to intake.' },
    });
    expect(answer.data!.transferCaseload.movedCount).toBe(open.length);
    expect(answer.data!.transferCaseload.clients.map((c) => c.id).sort()).toEqual(open);
    expect(await openOf('jordan')).toEqual([]);
    expect(await closedOf('jordan')).toEqual(closed);
    const again = await tb.as<Transferred>('sam', TRANSFER, {
      input: { fromStaffMemberId: id('jordan'), toStaffMemberId: id('casey'), reason: 'Nothing left.' },
    });
    expect(again.data).toEqual({ transferCaseload: { movedCount: 0, clients: [] } });
  });
});
