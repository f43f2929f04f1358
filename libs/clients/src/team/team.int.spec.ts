/**
 * The case team: who may change it, what a member may read and write (the
 * assigned case manager's access, through the one access rule), and that
 * removal and expiry end that access on the next request.
 */
import { demoCaseTeam, HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { addDays, localDay } from '@caseflow/core';
import { errorCodes } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const ADD = `mutation($input: AddCaseTeamMemberInput!) {
  addCaseTeamMember(input: $input) { id caseTeam { staffMember { id } role until addedBy { id } } }
}`;
const REMOVE = `mutation($clientId: ID!, $staffMemberId: ID!, $reason: String!) {
  removeCaseTeamMember(clientId: $clientId, staffMemberId: $staffMemberId, reason: $reason) { id caseTeam { staffMember { id } } }
}`;
const READ = `query($id: ID!) { client(id: $id) { id dateOfBirth status caseTeam { staffMember { id } role } } }`;
const FOLLOW_UP = `mutation($id: ID!, $at: DateTime!) { scheduleFollowUp(clientId: $id, at: $at) { id nextFollowUpAt } }`;
const CASELOAD = `{ myCaseload(first: 100) { edges { node { id } } } }`;

const today = () => localDay(new Date(), HARBOUR_TIME_ZONE);
const id = (key: StaffKey) => tb.staff(key).id;
/** A different open client of Casey's for each test, so that the tests do not depend on one another. */
let next = 0;
const caseysClient = () => {
  const teamed = new Set(demoCaseTeam(tb.world).map((m) => m.clientId));
  return tb.world.clients.filter((c) => c.caseManagerId === id('casey') && c.status !== 'CLOSED' && !teamed.has(c.id))[next++].id;
};
const teamRows = (clientId: string) =>
  tb.sql<{ staff_member_id: string; role: string; until: string | null; removed_by: string | null; removal_reason: string | null }>(
    `SELECT staff_member_id, role, until::text AS until, removed_by, removal_reason FROM clients.case_team_member
      WHERE client_id = $1 ORDER BY added_at, id`,
    [clientId],
  );
const add = (by: StaffKey, clientId: string, staffMemberId: string, more: Record<string, unknown> = {}) =>
  tb.as(by, ADD, { input: { clientId, staffMemberId, role: 'SECONDARY_CASE_MANAGER', ...more } });

describe('a member of the case team', () => {
  it('reads and changes the whole record like the assigned case manager, and sees the client outside their caseload', async () => {
    const clientId = caseysClient();
    expect(errorCodes(await tb.as('jordan', READ, { id: clientId }))).toEqual(['FORBIDDEN']);
    const added = await add('casey', clientId, id('jordan'), { role: 'SPECIALIST' });
    expect(added.errors).toBeUndefined();
    expect(added.data).toEqual({
      addCaseTeamMember: {
        id: clientId,
        caseTeam: [{ staffMember: { id: id('jordan') }, role: 'SPECIALIST', until: null, addedBy: { id: id('casey') } }],
      },
    });

    const read = await tb.as<{ client: { dateOfBirth: string; caseTeam: unknown[] } }>('jordan', READ, { id: clientId });
    expect(read.errors).toBeUndefined();
    expect(read.data!.client.dateOfBirth).toBe(tb.world.clients.find((c) => c.id === clientId)!.dateOfBirth);
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const changed = await tb.as('jordan', FOLLOW_UP, { id: clientId, at });
    expect(changed.errors).toBeUndefined();
    expect(await tb.sql('SELECT next_follow_up_at FROM clients.client WHERE id = $1', [clientId])).toEqual([
      { next_follow_up_at: new Date(at) },
    ]);
    // The case is still Casey's: the team member's caseload lists only the clients assigned to them.
    const caseload = await tb.as<{ myCaseload: { edges: Array<{ node: { id: string } }> } }>('jordan', CASELOAD);
    expect(caseload.data!.myCaseload.edges.map((e) => e.node.id)).not.toContain(clientId);
    // Their client search finds it (by name, like their own clients), and stops finding it once they leave the team.
    const search = async () => {
      const c = tb.world.clients.find((w) => w.id === clientId)!;
      const res = await tb.as<{ clients: { edges: Array<{ node: { id: string } }> } }>(
        'jordan',
        `query($name: String!) { clients(first: 100, filter: { nameContains: $name }) { edges { node { id } } } }`,
        { name: c.lastName },
      );
      return res.data!.clients.edges.map((e) => e.node.id);
    };
    expect(await search()).toContain(clientId);
    await tb.as('casey', REMOVE, { clientId, staffMemberId: id('jordan'), reason: 'Done covering.' });
    expect(await search()).not.toContain(clientId);
  });

  it('shows the team to the case manager and supervisors, an empty list to a partner under a consent, nothing to analysts', async () => {
    const clientId = caseysClient();
    await add('sam', clientId, id('jordan'), { role: 'PEER_SUPPORT' });
    const team = [{ staffMember: { id: id('jordan') }, role: 'PEER_SUPPORT' }];
    expect((await tb.as<{ client: { caseTeam: unknown } }>('casey', READ, { id: clientId })).data!.client.caseTeam).toEqual(team);
    expect((await tb.as<{ client: { caseTeam: unknown } }>('sam', READ, { id: clientId })).data!.client.caseTeam).toEqual(team);
    const [member] = await tb.sql<{ id: string }>('SELECT id FROM clients.case_team_member WHERE client_id = $1', [clientId]);
    expect(
      await tb.count(
        'audit_event',
        `action = 'READ' AND entity_type = 'CaseTeamMember' AND entity_id = $1 AND client_id = $2 AND actor_id = $3`,
        [member.id, clientId, id('sam')],
      ),
    ).toBeGreaterThan(0);
    const [shared] = await tb.sql<{ client_id: string }>(
      `SELECT client_id FROM clients.consent WHERE recipient_organization_id = $1 AND 'CONTACT_INFO' = ANY(scope)
          AND revoked_at IS NULL AND expires_at > now() ORDER BY client_id LIMIT 1`,
      [tb.staff('pat').organizationId],
    );
    await add('sam', shared.client_id, id('jordan'));
    const asPartner = await tb.as('pat', `query($id: ID!) { client(id: $id) { id caseTeam { role } } }`, { id: shared.client_id });
    expect(asPartner).toMatchObject({ errors: undefined, data: { client: { id: shared.client_id, caseTeam: [] } } });
    // Without a consent covering CONTACT_INFO a partner sees nothing of the client, team or not.
    const [unshared] = await tb.sql<{ id: string }>(
      `SELECT c.id FROM clients.client c WHERE c.assigned_case_manager_id = $2 AND NOT EXISTS (
         SELECT 1 FROM clients.consent k WHERE k.client_id = c.id AND k.recipient_organization_id = $1 AND 'CONTACT_INFO' = ANY(k.scope)
            AND k.revoked_at IS NULL AND k.expires_at > now()) ORDER BY c.id LIMIT 1`,
      [tb.staff('robin').organizationId, id('casey')],
    );
    await add('sam', unshared.id, id('jordan'));
    expect(errorCodes(await tb.as('robin', `query($id: ID!) { client(id: $id) { id caseTeam { role } } }`, { id: unshared.id }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await tb.as('alex', READ, { id: clientId }))).toEqual(['FORBIDDEN']);
  });
});

describe('addCaseTeamMember', () => {
  it('is for the assigned case manager and the supervisors: a member, another case manager and other roles are FORBIDDEN, nothing added', async () => {
    const clientId = caseysClient();
    await add('casey', clientId, id('jordan'));
    const before = await teamRows(clientId);
    for (const who of ['jordan', 'alex', 'admin', 'pat'] as const) {
      expect(errorCodes(await add(who, clientId, id('sam')))).toEqual(['FORBIDDEN']);
    }
    expect(await teamRows(clientId)).toEqual(before);
    const jordans = tb.world.clients.find((c) => c.caseManagerId === id('jordan'))!.id;
    expect(errorCodes(await add('casey', jordans, id('sam')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await add('casey', '00000000-0000-4000-8000-000000000000', id('jordan')))).toEqual(['NOT_FOUND']);
    expect(await tb.count('case_team_member', 'client_id = $1', [jordans])).toBe(0);
  });

  it('refuses bad input naming the field, and adds nothing', async () => {
    const clientId = caseysClient();
    const rows = await tb.count('case_team_member');
    const cases: Array<[StaffKey | string, Record<string, unknown>, string]> = [
      [id('jordan'), { until: addDays(today(), -1) }, 'input.until'],
      [id('jordan'), { until: addDays(today(), 731) }, 'input.until'],
      [id('pat'), {}, 'input.staffMemberId'],
      [id('alex'), {}, 'input.staffMemberId'],
      [id('casey'), {}, 'input.staffMemberId'],
      ['not-a-uuid', {}, 'input.staffMemberId'],
    ];
    for (const [staffMemberId, more, field] of cases) {
      const answer = await add('casey', clientId, staffMemberId, more);
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.errors![0].extensions).toMatchObject({ field });
    }
    await tb.sql('UPDATE clients.staff_member SET active = false WHERE id = $1', [id('jordan')]);
    try {
      const inactive = await add('casey', clientId, id('jordan'));
      expect(inactive.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.staffMemberId' });
    } finally {
      await tb.sql('UPDATE clients.staff_member SET active = true WHERE id = $1', [id('jordan')]);
    }
    expect(await tb.count('case_team_member')).toBe(rows);
  });

  it('changes the role and `until` of someone already on the team (one row), and audits each change on the client', async () => {
    const clientId = caseysClient();
    await add('casey', clientId, id('jordan'));
    const until = addDays(today(), 30);
    expect((await add('sam', clientId, id('jordan'), { role: 'SPECIALIST', until })).errors).toBeUndefined();
    expect(await teamRows(clientId)).toEqual([
      { staff_member_id: id('jordan'), role: 'SPECIALIST', until, removed_by: null, removal_reason: null },
    ]);
    const audit = await tb.sql<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM clients.audit_event WHERE client_id = $1 AND action = 'UPDATE' AND detail LIKE 'caseTeam%' ORDER BY id`,
      [clientId],
    );
    expect(audit).toEqual([
      { actor_id: id('casey'), detail: `caseTeam: added ${id('jordan')} as SECONDARY_CASE_MANAGER` },
      { actor_id: id('sam'), detail: `caseTeam: changed ${id('jordan')} as SPECIALIST until ${until}` },
    ]);
  });
});

describe('removeCaseTeamMember', () => {
  it('ends the access on the next request and keeps the membership with who removed it and why', async () => {
    const clientId = caseysClient();
    await add('casey', clientId, id('jordan'));
    expect((await tb.as('jordan', READ, { id: clientId })).errors).toBeUndefined();
    const removed = await tb.as('casey', REMOVE, { clientId, staffMemberId: id('jordan'), reason: 'Back to their own caseload.' });
    expect(removed).toMatchObject({ errors: undefined, data: { removeCaseTeamMember: { id: clientId, caseTeam: [] } } });
    expect(await teamRows(clientId)).toEqual([
      {
        staff_member_id: id('jordan'),
        role: 'SECONDARY_CASE_MANAGER',
        until: null,
        removed_by: id('casey'),
        removal_reason: 'Back to their own caseload.',
      },
    ]);
    expect(errorCodes(await tb.as('jordan', READ, { id: clientId }))).toEqual(['FORBIDDEN']);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    expect(errorCodes(await tb.as('jordan', FOLLOW_UP, { id: clientId, at }))).toEqual(['FORBIDDEN']);
    // Added again later, they are a member again (a new row; the old one stays).
    await add('casey', clientId, id('jordan'));
    expect(await tb.count('case_team_member', 'client_id = $1', [clientId])).toBe(2);
    expect((await tb.as('jordan', READ, { id: clientId })).errors).toBeUndefined();
  });

  it('needs a reason and a current member, naming the field; a member may not remove others', async () => {
    const clientId = caseysClient();
    await add('casey', clientId, id('jordan'));
    const before = await teamRows(clientId);
    const blank = await tb.as('casey', REMOVE, { clientId, staffMemberId: id('jordan'), reason: '  ' });
    expect(blank.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const stranger = await tb.as('casey', REMOVE, { clientId, staffMemberId: id('sam'), reason: 'Not on it.' });
    expect(stranger.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'staffMemberId' });
    expect(errorCodes(await tb.as('jordan', REMOVE, { clientId, staffMemberId: id('jordan'), reason: 'Leaving.' }))).toEqual(['FORBIDDEN']);
    expect(await teamRows(clientId)).toEqual(before);
  });
});

describe('until', () => {
  it("gives access through the whole `until` day in the agency's time zone and none the day after", async () => {
    const clientId = caseysClient();
    expect((await add('casey', clientId, id('jordan'), { until: today() })).errors).toBeUndefined();
    expect((await tb.as('jordan', READ, { id: clientId })).errors).toBeUndefined();
    await tb.sql('UPDATE clients.case_team_member SET until = $2 WHERE client_id = $1', [clientId, addDays(today(), -1)]);
    expect(errorCodes(await tb.as('jordan', READ, { id: clientId }))).toEqual(['FORBIDDEN']);
    expect((await tb.as<{ client: { caseTeam: unknown[] } }>('casey', READ, { id: clientId })).data!.client.caseTeam).toEqual([]);
    // An expired member is still on the team's rows: adding them again renews the same membership.
    expect((await add('casey', clientId, id('jordan'), { until: addDays(today(), 7) })).errors).toBeUndefined();
    expect(await tb.count('case_team_member', 'client_id = $1', [clientId])).toBe(1);
    expect((await tb.as('jordan', READ, { id: clientId })).errors).toBeUndefined();
  });
});
