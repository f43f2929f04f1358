/**
 * teamCaseloads: a supervisor's row per case manager of the agency, counted
 * from the stored caseload priority and follow-ups, with the open clients
 * signed into the caseload grant for plans and referrals; everyone else is
 * refused, on the query and on the entity reference alike.
 */
import { verifyCaseloadGrant } from '@caseflow/auth';
import { errorCodes } from '@caseflow/testing';
import { HIGH_PRIORITY_LEVELS } from '../caseload/priority.rules';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const TEAM = `{ teamCaseloads { staffMemberId staffMember { id displayName role } openClients highPriority overdueFollowUps caseloadGrant } }`;
type Row = {
  staffMemberId: string;
  staffMember: { id: string; displayName: string; role: string };
  openClients: number;
  highPriority: number;
  overdueFollowUps: number;
  caseloadGrant: string;
};

/** The open clients of a case manager as stored, to count by hand. */
const openOf = (key: StaffKey) =>
  tb.sql<{ id: string; priority_level: string; next_follow_up_at: Date | null }>(
    `SELECT id, priority_level, next_follow_up_at FROM clients.client WHERE assigned_case_manager_id = $1 AND status <> 'CLOSED' ORDER BY id`,
    [tb.staff(key).id],
  );
const deniedSince = (id: number) =>
  tb.sql<{ outcome: string; entity_type: string }>(`SELECT outcome, entity_type FROM clients.audit_event WHERE id > $1 ORDER BY id`, [id]);
const lastAudit = async () => Number((await tb.sql<{ n: string }>('SELECT coalesce(max(id), 0) AS n FROM clients.audit_event'))[0].n);

describe('teamCaseloads', () => {
  it("gives a supervisor one row per case manager of the agency, with their open clients' counts and a grant over exactly those clients", async () => {
    const answer = await tb.as<{ teamCaseloads: Row[] }>('sam', TEAM);
    expect(answer.errors).toBeUndefined();
    const rows = answer.data!.teamCaseloads;
    expect(rows.map((r) => r.staffMember.displayName)).toEqual([tb.staff('casey').displayName, tb.staff('jordan').displayName]);
    const now = Date.now();
    for (const [key, row] of [
      ['casey', rows[0]],
      ['jordan', rows[1]],
    ] as const) {
      const open = await openOf(key);
      expect(row).toMatchObject({
        staffMemberId: tb.staff(key).id,
        staffMember: { id: tb.staff(key).id, role: 'CASE_MANAGER' },
        openClients: open.length,
        highPriority: open.filter((c) => HIGH_PRIORITY_LEVELS.includes(c.priority_level as never)).length,
        overdueFollowUps: open.filter((c) => c.next_follow_up_at && c.next_follow_up_at.getTime() < now).length,
      });
      const sam = tb.staff('sam');
      const grant = verifyCaseloadGrant(
        row.caseloadGrant,
        {
          actor: { staffId: sam.id, role: sam.role, organizationId: sam.organizationId },
          requestId: 'test-request',
          staffMemberId: row.staffMemberId,
        },
        tb.t.secret,
      );
      expect(grant).toEqual({ staffMemberId: tb.staff(key).id, organizationId: sam.organizationId, clientIds: open.map((c) => c.id) });
    }
    expect(rows[0].openClients).toBeGreaterThan(0);
    expect(rows.some((r) => r.highPriority > 0)).toBe(true);
    expect(rows.some((r) => r.overdueFollowUps > 0)).toBe(true);
  });

  it('refuses case managers, partners, analysts and admins, auditing the refusal', async () => {
    for (const who of ['casey', 'pat', 'alex', 'admin'] as const) {
      const audit = await lastAudit();
      const answer = await tb.as(who, TEAM);
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
      expect(answer.data).toBeNull();
      expect(await deniedSince(audit)).toEqual([{ outcome: 'DENIED', entity_type: 'CaseloadSummary' }]);
    }
  });

  it('resolves a reference for a supervisor of the agency only, and only for its case managers', async () => {
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on CaseloadSummary { staffMemberId openClients } } }`;
    const reps = (['casey', 'sam', 'pat'] as const).map((k) => ({ __typename: 'CaseloadSummary', staffMemberId: tb.staff(k).id }));
    const answer = await tb.as<{ _entities: unknown[] }>('sam', ENTITIES, {
      r: [...reps, { __typename: 'CaseloadSummary', staffMemberId: 'nobody' }],
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!._entities).toEqual([
      { staffMemberId: tb.staff('casey').id, openClients: (await openOf('casey')).length },
      null,
      null,
      null,
    ]);
    for (const who of ['casey', 'pat'] as const) {
      const audit = await lastAudit();
      const refused = await tb.as<{ _entities: unknown[] }>(who, ENTITIES, { r: [reps[0]] });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.data?._entities ?? [null]).toEqual([null]);
      expect(await deniedSince(audit)).toEqual([{ outcome: 'DENIED', entity_type: 'CaseloadSummary' }]);
    }
  });
});
