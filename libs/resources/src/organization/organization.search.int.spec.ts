import { randomUUID } from 'node:crypto';
import { errorCodes, postGraphQL, type TestSubgraph } from '@caseflow/testing';
import { graphqlAs, rowCounts, startResources, type StaffKey } from '../testing/testbed';
import { ORGANIZATION_SEARCH } from './organization.sql';

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id: string; name: string; alternateName: string | null } }>;
}
const ORGANIZATIONS = `query($search: String!, $first: Int, $after: String) {
  organizations(search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name alternateName } }
  } }`;

let t: TestSubgraph;
const find = (search: unknown, first?: number, after?: string, who: StaffKey = 'casey') =>
  graphqlAs<{ organizations: Page }>(t, who, ORGANIZATIONS, { search, first, after });
const names = async (search: string, who: StaffKey = 'casey') => {
  const res = await find(search, 100, undefined, who);
  expect(res.errors).toBeUndefined();
  return res.data!.organizations.edges.map((e) => e.node.name);
};

const ADDED: Array<[name: string, alternateName: string | null]> = [
  ['Café Solidarité', null],
  ['Quillon Outreach Society', 'Harbourfront Soup Kitchen'],
  ...['Marlowe Pantry East', 'Marlowe Pantry West', 'Marlowe Pantry North', 'Marlowe Pantry South', 'Marlowe Pantry Centre'].map(
    (name): [string, null] => [name, null],
  ),
];

beforeAll(async () => {
  t = await startResources('demo');
  for (const [name, alternateName] of ADDED) {
    await t.subgraph.database.dataSource.query(
      `INSERT INTO resources.organization (id, name, alternate_name, description) VALUES ($1, $2, $3, 'Added by the suite')`,
      [randomUUID(), name, alternateName],
    );
  }
});
afterAll(() => t?.stop());

describe('organizations(search)', () => {
  it('finds an organization by the words of its name in any order, case and ending: "food bank" lists Northside Food Bank', async () => {
    expect(await names('food bank')).toContain('Northside Food Bank');
    expect(await names('Food Banks')).toContain('Northside Food Bank');
    expect(await names('bank northside')).toEqual(['Northside Food Bank']);
    // Each word also matches as the start of a word, as one types.
    expect(await names('northside foo')).toEqual(['Northside Food Bank']);
    expect(await names('no such agency anywhere')).toEqual([]);
  });

  it('ignores accents on both sides and searches alternate names', async () => {
    expect(await names('cafe solidarite')).toEqual(['Café Solidarité']);
    expect(await names('CAFÉ')).toEqual(['Café Solidarité']);
    expect(await names('soup kitchen')).toEqual(['Quillon Outreach Society']);
    expect(await names('quillon')).toEqual(['Quillon Outreach Society']);
    // Punctuation and operators are only separators: nothing a caller types reaches the query parser.
    expect(await names('café & !solidarité | (')).toEqual(['Café Solidarité']);
    // Letters whose accent-free form is a quote or punctuation ("ʼ" is "'", "ŉ" is "'n", "¼" is " 1/4") are searched as text, never parsed.
    expect(await names('ʼ ŉ ʹ ¼ café')).toEqual([]);
    expect(await names('caféʼ solidarité')).toEqual(['Café Solidarité']);
  });

  it('pages with opaque keyset cursors, every match once, with the total on each page', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pageNo = 0; pageNo < 5; pageNo++) {
      const res = await find('marlowe pantry', 2, after);
      expect(res.errors).toBeUndefined();
      const page = res.data!.organizations;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(2);
      after = page.pageInfo.endCursor!;
    }
    // Equal ranks are ordered by name.
    expect(seen).toEqual([
      'Marlowe Pantry Centre',
      'Marlowe Pantry East',
      'Marlowe Pantry North',
      'Marlowe Pantry South',
      'Marlowe Pantry West',
    ]);
    const none = await find('no such agency anywhere', 5);
    expect(none.data!.organizations).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it('answers every staff role (directory data) and refuses a request without identity', async () => {
    for (const who of ['casey', 'sam', 'pat', 'robin', 'alex', 'admin'] as const) {
      expect(await names('northside food bank', who)).toEqual(['Northside Food Bank']);
    }
    const anonymous = await postGraphQL(t.url, ORGANIZATIONS, { search: 'food bank' });
    expect(anonymous.status).toBe(401);
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeUndefined();
  });

  it('refuses a bad search, page size or cursor with BAD_USER_INPUT naming the argument, and changes nothing', async () => {
    const before = await rowCounts(t, ['organization']);
    const cases: Array<[search: unknown, first: number | undefined, after: string | undefined, field: string]> = [
      ['', undefined, undefined, 'search'],
      ['   ', undefined, undefined, 'search'],
      ['x'.repeat(201), undefined, undefined, 'search'],
      ['!!! &', undefined, undefined, 'search'],
      ['food', 0, undefined, 'first'],
      ['food', -1, undefined, 'first'],
      ['food', 101, undefined, 'first'],
      ['food', 5, 'not-a-cursor', 'after'],
      ['food', 5, Buffer.from(JSON.stringify([1, 'x', "'; DROP TABLE x"])).toString('base64url'), 'after'],
    ];
    for (const [search, first, after, field] of cases) {
      const res = await find(search, first, after);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
      expect(res.data).toBeNull();
    }
    expect(await rowCounts(t, ['organization'])).toEqual(before);
  });

  it('is served by the name index', async () => {
    const plan: Array<{ 'QUERY PLAN': string }> = await t.subgraph.database.dataSource.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(`EXPLAIN ${ORGANIZATION_SEARCH.text}`, [['food', 'bank'], null, null, null, 21]);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('organization_name_search_idx');
  });
});
