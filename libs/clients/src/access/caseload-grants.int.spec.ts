/**
 * The grants a caseload's clients carry to plans and referrals
 * (`Client.accessGrant`) are decided by the one rule from the page's own
 * columns (a page's case team and consents decide nothing for its callers):
 * the same grants as the access route's own read and decision give, with no
 * statement of their own. A token carries the grant
 * without its consents (grant-token.ts: only mutations' consent gates read
 * them, and a mutation never takes a token's grant).
 */
import { type Actor, verifyGrantToken } from '@caseflow/auth';
import { internalHeaders, postGraphQL } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed, type StaffKey } from '../testing/testbed';
import { decideGrants } from './access.route';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

/** The access route's grants as a token carries them. */
async function decidedGrants(actor: Actor, ids: string[]) {
  return (await decideGrants(tb.t.subgraph.database.dataSource, actor, ids)).map((grant) => ({ ...grant, consents: [] }));
}

const CASELOAD_GRANTS = `query($cm: ID) { myCaseload(first: 50, caseManagerId: $cm) { edges { node { id accessGrant } } } }`;

const actorOf = (key: StaffKey): Actor => {
  const s = tb.staff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};

/** The caseload's clients with their grants as the tokens carry them, and the statements the request ran. */
async function caseloadGrants(key: StaffKey, requestId: string, caseManagerId?: string) {
  const counter = tb.t.subgraph.database.counter;
  const mark = counter.count;
  const res = await postGraphQL<{ myCaseload: { edges: Array<{ node: { id: string; accessGrant: string } }> } }>(
    tb.t.url,
    CASELOAD_GRANTS,
    { cm: caseManagerId ?? null },
    internalHeaders(actorOf(key), tb.t.secret, requestId),
  );
  expect(res.errors).toBeUndefined();
  const nodes = res.data!.myCaseload.edges.map((e) => e.node);
  const grants = nodes.map((n) => verifyGrantToken(n.accessGrant, { actor: actorOf(key), requestId, clientId: n.id }, tb.t.secret));
  return { ids: nodes.map((n) => n.id), grants, statements: counter.since(mark) };
}

describe("the caseload's grants, decided from the page's own columns", () => {
  it("gives a case manager's clients the grants the access route decides, with no statement but the page", async () => {
    // One of casey's clients with a consent revoked just now: a fact the access route reads, and which changes nothing here.
    const casey = actorOf('casey');
    const [withConsent] = await tb.sql<{ client_id: string }>(
      `SELECT k.client_id FROM clients.consent k JOIN clients.client c ON c.id = k.client_id
        WHERE c.assigned_case_manager_id = $1 AND k.revoked_at IS NULL AND k.expires_at > now() ORDER BY k.client_id LIMIT 1`,
      [casey.staffId],
    );
    expect(withConsent).toBeDefined();
    await tb.sql(
      `UPDATE clients.consent SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL AND id = (
                    SELECT id FROM clients.consent WHERE client_id = $1 AND revoked_at IS NULL ORDER BY signed_at DESC, id DESC LIMIT 1)`,
      [withConsent.client_id],
    );

    const { ids, grants, statements } = await caseloadGrants('casey', 'caseload-grants-casey');
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toContain(withConsent.client_id);
    expect(grants).toEqual(await decidedGrants(casey, ids));
    expect(grants.every((g) => g !== null && g.write && g.exists)).toBe(true);
    // The page alone: no statement read consents or the case team, which decide nothing for the page's clients.
    const reads = statements.filter((sql) => !sql.includes('audit_event'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatch(/FROM clients\.client c\s+WHERE c\.assigned_case_manager_id = \$1/);
    expect(reads[0]).not.toMatch(/clients\.consent|clients\.case_team_member/);
  });

  it("gives a supervisor looking at a case manager's caseload the supervisor's grants", async () => {
    const supervisor = actorOf('sam');
    const casey = actorOf('casey');
    expect(supervisor.organizationId).toBe(casey.organizationId);
    const { ids, grants } = await caseloadGrants('sam', 'caseload-grants-sam', casey.staffId);
    expect(ids.length).toBeGreaterThan(1);
    expect(grants).toEqual(await decidedGrants(supervisor, ids));
  });
});
