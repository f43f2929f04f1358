import { errorCodes } from '@caseflow/testing';
import { type ClientsTestbed, startClientsTestbed } from '../testing/testbed';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const DISTANCE = `baseline { id items { characteristic rating } } latest { id assessedAt } barriersResolved barriersAdded
  changes { domain characteristic from to change }`;
const CLIENT = `query($id: ID!) { client(id: $id) { id distanceTravelled { ${DISTANCE} } } }`;
type Change = { domain: string; characteristic: string; from: string | null; to: string | null; change: string };
type Distance = {
  baseline: { id: string; items: Array<{ characteristic: string; rating: string }> } | null;
  latest: { id: string; assessedAt: string } | null;
  barriersResolved: number;
  barriersAdded: number;
  changes: Change[];
};

let tb: ClientsTestbed;
/** Casey's clients with none, one, two and three assessments, and the ids of those assessments, oldest first. */
const clients: string[] = [];
const assessments: string[][] = [];

type Item = [domain: string, characteristic: string, rating: 'ASSET' | 'BARRIER' | 'NOT_APPLICABLE'];

async function assess(clientId: string, at: string, items: Item[]): Promise<string> {
  const [{ id }] = await tb.sql<{ id: string }>(
    `INSERT INTO clients.needs_assessment (client_id, assessed_at, assessed_by, barrier_count, asset_count) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [clientId, at, tb.staff('casey').id, items.filter((i) => i[2] === 'BARRIER').length, items.filter((i) => i[2] === 'ASSET').length],
  );
  for (const [position, [domain, characteristic, rating]] of items.entries())
    await tb.sql(
      `INSERT INTO clients.assessment_item (assessment_id, position, domain, characteristic, rating) VALUES ($1, $2, $3, $4, $5)`,
      [id, position, domain, characteristic, rating],
    );
  return id;
}

const FIRST: Item[] = [
  ['PERSONAL_CIRCUMSTANCES', 'Transportation', 'BARRIER'],
  ['PERSONAL_CIRCUMSTANCES', 'Childcare', 'NOT_APPLICABLE'],
  ['EMPLOYABILITY', 'Punctuality', 'ASSET'],
  ['EMPLOYABILITY', 'Work history', 'BARRIER'],
  ['OTHER', 'Forklift ticket', 'BARRIER'],
];
const MIDDLE: Item[] = [
  ['PERSONAL_CIRCUMSTANCES', 'Transportation', 'ASSET'],
  ['SOCIAL_SUPPORT', 'Supportive family', 'BARRIER'],
];
const LATEST: Item[] = [
  ['PERSONAL_CIRCUMSTANCES', 'Transportation', 'ASSET'],
  ['PERSONAL_CIRCUMSTANCES', 'Childcare', 'NOT_APPLICABLE'],
  ['EMPLOYABILITY', 'Punctuality', 'BARRIER'],
  ['ATTITUDES', 'Desire to work', 'ASSET'],
  ['OTHER', 'forklift ticket', 'ASSET'],
];

beforeAll(async () => {
  tb = await startClientsTestbed();
  const casey = tb.world.clients.filter((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE').map((c) => c.id);
  // Copies of Casey's active clients (new ids, no assessments yet): the demo's own clients have assessments of their own.
  const copies = await tb.sql<{ id: string }>(
    `INSERT INTO clients.client SELECT (json_populate_record(c, json_build_object('id', gen_random_uuid()))).* FROM clients.client c
      WHERE c.id = ANY($1::uuid[]) RETURNING id`,
    [casey.slice(0, 4)],
  );
  clients.push(...copies.map((c) => c.id));
  assessments.push([]);
  assessments.push([await assess(clients[1], daysAgo(200), FIRST)]);
  assessments.push([await assess(clients[2], daysAgo(200), FIRST), await assess(clients[2], daysAgo(20), LATEST)]);
  assessments.push([
    await assess(clients[3], daysAgo(300), FIRST),
    await assess(clients[3], daysAgo(150), MIDDLE),
    await assess(clients[3], daysAgo(10), LATEST),
  ]);
});
afterAll(() => tb?.stop());

const lastAuditId = async () => Number((await tb.sql<{ id: string }>('SELECT coalesce(max(id), 0) AS id FROM clients.audit_event'))[0].id);
const distanceOf = async (key: Parameters<ClientsTestbed['as']>[0], id: string) =>
  tb.as<{ client: { id: string; distanceTravelled: Distance } | null }>(key, CLIENT, { id });

const NOTHING: Distance = { baseline: null, latest: null, barriersResolved: 0, barriersAdded: 0, changes: [] };
const CHANGES: Change[] = [
  { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Transportation', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' },
  { domain: 'ATTITUDES', characteristic: 'Desire to work', from: null, to: 'ASSET', change: 'NOT_COMPARABLE' },
  { domain: 'EMPLOYABILITY', characteristic: 'Punctuality', from: 'ASSET', to: 'BARRIER', change: 'ASSET_TO_BARRIER' },
  { domain: 'EMPLOYABILITY', characteristic: 'Work history', from: 'BARRIER', to: null, change: 'NOT_COMPARABLE' },
  { domain: 'OTHER', characteristic: 'forklift ticket', from: 'BARRIER', to: 'ASSET', change: 'BARRIER_TO_ASSET' },
];

describe('Client.distanceTravelled', () => {
  it('compares nothing for a client with no assessment or with one', async () => {
    for (const id of clients.slice(0, 2)) {
      const res = await distanceOf('casey', id);
      expect(res.errors).toBeUndefined();
      expect(res.data!.client).toEqual({ id, distanceTravelled: NOTHING });
    }
  });

  it('compares the first and the latest of two assessments', async () => {
    const res = await distanceOf('casey', clients[2]);
    expect(res.errors).toBeUndefined();
    const distance = res.data!.client!.distanceTravelled;
    expect(distance).toEqual({
      baseline: { id: assessments[2][0], items: FIRST.map(([, characteristic, rating]) => ({ characteristic, rating })) },
      latest: { id: assessments[2][1], assessedAt: expect.any(String) },
      barriersResolved: 2,
      barriersAdded: 1,
      changes: CHANGES,
    });
  });

  it('compares the first and the latest of three, and ignores the one in between', async () => {
    const res = await distanceOf('casey', clients[3]);
    expect(res.errors).toBeUndefined();
    const distance = res.data!.client!.distanceTravelled;
    expect([distance.baseline?.id, distance.latest?.id]).toEqual([assessments[3][0], assessments[3][2]]);
    expect(distance.changes).toEqual(CHANGES);
    expect([distance.barriersResolved, distance.barriersAdded]).toEqual([2, 1]);
  });

  it('is audited as a read of the two assessments compared, not of the one in between', async () => {
    const mark = await lastAuditId();
    expect((await distanceOf('casey', clients[3])).errors).toBeUndefined();
    const reads = await tb.sql<{ entity_id: string; client_id: string }>(
      `SELECT entity_id, client_id FROM clients.audit_event WHERE id > $1 AND action = 'READ' AND entity_type = 'NeedsAssessment' ORDER BY entity_id`,
      [mark],
    );
    expect(reads).toEqual([assessments[3][0], assessments[3][2]].sort().map((entity_id) => ({ entity_id, client_id: clients[3] })));
  });

  it("is read under the rule of the client's assessments: refused alike, with no figures", async () => {
    for (const key of ['jordan', 'pat', 'robin', 'alex'] as const) {
      const assessmentsRead = await tb.as(key, `query($id: ID!) { client(id: $id) { assessments { id } } }`, { id: clients[2] });
      const distance = await distanceOf(key, clients[2]);
      expect({ key, codes: errorCodes(distance), data: distance.data }).toEqual({
        key,
        codes: errorCodes(assessmentsRead),
        data: assessmentsRead.data,
      });
      expect(errorCodes(distance)).toEqual(['FORBIDDEN']);
    }
    const sam = await distanceOf('sam', clients[2]);
    expect(sam.errors).toBeUndefined();
    expect(sam.data!.client!.distanceTravelled.changes).toEqual(CHANGES);
  });

  it("reads a caseload page's distance travelled in one statement", async () => {
    const counter = tb.t.subgraph.database.counter;
    const mark = counter.count;
    const res = await tb.as<{ myCaseload: { edges: Array<{ node: { id: string; distanceTravelled: Distance } }> } }>(
      'casey',
      `{ myCaseload(first: 25) { edges { node { id distanceTravelled { baseline { id } latest { id } barriersResolved barriersAdded changes { change } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const page = res.data!.myCaseload.edges.map((e) => e.node);
    expect(page.length).toBeGreaterThan(4);
    expect(page.find((c) => c.id === clients[3])?.distanceTravelled.barriersResolved).toBe(2);
    const reads = counter.since(mark).filter((sql) => sql.includes('needs_assessment'));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toContain('CROSS JOIN LATERAL');
  });
});
