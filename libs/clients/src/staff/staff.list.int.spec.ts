import { randomUUID } from 'node:crypto';
import { errorCodes, postGraphQL } from '@caseflow/testing';
import { type ClientsTestbed, type StaffKey, startClientsTestbed } from '../testing/testbed';

interface Member {
  id: string;
  displayName: string;
  role: string;
  active: boolean;
  organization: { id: string } | null;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Member }>;
}
const STAFF = `query($role: [Role!], $search: String, $first: Int, $after: String) {
  staffMembers(role: $role, search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName role active organization { id } } }
  } }`;

let tb: ClientsTestbed;
const list = (who: StaffKey, variables: Record<string, unknown> = {}) => tb.as<{ staffMembers: Page }>(who, STAFF, variables);
const names = async (who: StaffKey, variables: Record<string, unknown> = {}) => {
  const res = await list(who, { first: 100, ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.staffMembers.edges.map((e) => e.node.displayName);
};
const denials = () => tb.count('audit_event', `entity_type = 'StaffMember' AND outcome = 'DENIED'`);

const OTHER_AGENCY = randomUUID();
let harbour: string;

beforeAll(async () => {
  tb = await startClientsTestbed();
  harbour = tb.staff('casey').organizationId;
  const add = (name: string, role: string, organizationId: string, active = true) =>
    tb.sql(`INSERT INTO clients.staff_member (id, email, display_name, role, organization_id, active) VALUES ($1, $2, $3, $4, $5, $6)`, [
      randomUUID(),
      `${randomUUID()}@list.test`,
      name,
      role,
      organizationId,
      active,
    ]);
  // Another agency's staff, one with a name like a Harbour colleague's: never listed to Harbour.
  await add('Morgan Elsewhere', 'CASE_MANAGER', OTHER_AGENCY);
  await add('Sam Elsewhere', 'SUPERVISOR', OTHER_AGENCY);
  // A Harbour case manager who has left.
  await add('Dana Departed', 'CASE_MANAGER', harbour, false);
});
afterAll(() => tb?.stop());

describe('staffMembers', () => {
  it("lists a supervisor's and an admin's whole agency, deactivated accounts included, by name, never another agency's", async () => {
    const all = ['Alex Novak', 'Casey Morgan', 'Dana Departed', 'Demo Administrator', 'Jordan Lee', 'Sam Okafor'];
    expect(await names('sam')).toEqual(all);
    expect(await names('admin')).toEqual(all);
    const res = await list('sam', { first: 100 });
    expect(res.data!.staffMembers.totalCount).toBe(all.length);
    expect(new Set(res.data!.staffMembers.edges.map((e) => e.node.organization?.id))).toEqual(new Set([harbour]));
    expect(res.data!.staffMembers.edges.find((e) => e.node.displayName === 'Dana Departed')!.node.active).toBe(false);
    expect(await names('sam', { role: ['CASE_MANAGER'] })).toEqual(['Casey Morgan', 'Dana Departed', 'Jordan Lee']);
    expect(await names('sam', { role: ['ADMIN', 'ANALYST'] })).toEqual(['Alex Novak', 'Demo Administrator']);
  });

  it('shows a case manager only the active case managers and supervisors of their agency', async () => {
    expect(await names('casey')).toEqual(['Casey Morgan', 'Jordan Lee', 'Sam Okafor']);
    expect(await names('jordan', { role: ['SUPERVISOR'] })).toEqual(['Sam Okafor']);
    // Roles beyond what they may see are empty, not an error.
    const admins = await list('casey', { role: ['ADMIN'] });
    expect(admins.data!.staffMembers).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('finds by every word of the name, case-insensitively, in the caller agency only', async () => {
    expect(await names('sam', { search: 'morgan' })).toEqual(['Casey Morgan']);
    expect(await names('casey', { search: '  SAM  oka ' })).toEqual(['Sam Okafor']);
    expect(await names('sam', { search: 'elsewhere' })).toEqual([]);
    expect(await names('casey', { search: 'dana' })).toEqual([]);
    // LIKE wildcards are plain characters.
    expect(await names('sam', { search: '%' })).toEqual([]);
    // A blank search is no search.
    expect(await names('casey', { search: '   ' })).toEqual(['Casey Morgan', 'Jordan Lee', 'Sam Okafor']);
  });

  it('pages with opaque keyset cursors, every member once, the total on each page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res = await list('sam', { first: 4, after });
      expect(res.errors).toBeUndefined();
      const page = res.data!.staffMembers;
      expect(page.totalCount).toBe(6);
      seen.push(...page.edges.map((e) => e.node.displayName));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Alex Novak', 'Casey Morgan', 'Dana Departed', 'Demo Administrator', 'Jordan Lee', 'Sam Okafor']);
  });

  it('refuses partners and analysts (FORBIDDEN, audited as a denial) and a request without identity', async () => {
    for (const who of ['pat', 'robin', 'alex'] as const) {
      const before = await denials();
      const res = await list(who);
      expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      expect(res.data).toBeNull();
      expect(await denials()).toBe(before + 1);
    }
    const anonymous = await postGraphQL(tb.t.url, STAFF, {});
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses bad arguments with BAD_USER_INPUT naming the argument, and changes nothing', async () => {
    const staffBefore = await tb.count('staff_member');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ first: 0 }, 'first'],
      [{ first: -3 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ search: 'x'.repeat(201) }, 'search'],
      [{ search: 'a\u0000b' }, 'search'],
      [{ role: Array(11).fill('SUPERVISOR') }, 'role'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from(JSON.stringify(['Sam', 'not-a-uuid'])).toString('base64url') }, 'after'],
    ];
    for (const [variables, field] of cases) {
      const res = await list('sam', variables);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
      expect(res.data).toBeNull();
    }
    expect(await tb.count('staff_member')).toBe(staffBefore);
  });
});
