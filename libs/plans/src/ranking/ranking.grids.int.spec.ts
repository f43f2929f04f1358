import { demoStaff, EASTSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import { FOUR_NEEDS } from '../testing/ranking-grid';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const casey = demoStaff('casey');
const RANK = `mutation($input: RankPrioritiesInput!) { rankPriorities(input: $input) { id client { id } createdBy { id } items { item wins rank } } }`;
const RANKINGS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id priorityRankings { id items { item rank } } } } }`;

const { items, choices } = FOUR_NEEDS;

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());
beforeEach(() => bed.access.reset());

const caseysClients = () => bed.world.clients.filter((c) => c.caseManagerId === casey.id);
const rankingsOf = async (clientId: string) =>
  bed.sql<{ id: string; items: string[]; ranked: unknown }>(
    'SELECT id, items, ranked FROM plans.priority_ranking WHERE client_id = $1 ORDER BY created_at',
    [clientId],
  );

describe('rankPriorities', () => {
  it('ranks a complete grid by wins, stores it for the client and audits it', async () => {
    const client = caseysClients()[0];
    const auditMark = await bed.lastAuditId();
    const res = await bed.gql<{ rankPriorities: { id: string; client: { id: string }; createdBy: { id: string }; items: unknown[] } }>(
      'casey',
      RANK,
      {
        input: { clientId: client.id, items, choices },
      },
    );
    expect(res.errors).toBeUndefined();
    const ranking = res.data!.rankPriorities;
    expect(ranking).toMatchObject({ client: { id: client.id }, createdBy: { id: casey.id } });
    expect(ranking.items).toEqual([
      { item: 'Childcare', wins: 3, rank: 1 },
      { item: 'Stable housing', wins: 2, rank: 2 },
      { item: 'Updated resume', wins: 1, rank: 3 },
      { item: 'Driver licence', wins: 0, rank: 4 },
    ]);
    const stored = await rankingsOf(client.id);
    expect(stored.at(-1)).toEqual({ id: ranking.id, items, ranked: ranking.items });
    expect((await bed.auditSince(auditMark)).filter((e) => e.action !== 'READ')).toEqual([
      { action: 'CREATE', outcome: 'ALLOWED', entity_type: 'PriorityRanking', entity_id: ranking.id, client_id: client.id },
    ]);

    const read = await bed.gql<{ _entities: Array<{ priorityRankings: Array<{ id: string; items: Array<{ item: string }> }> }> }>(
      'casey',
      RANKINGS,
      {
        r: [{ __typename: 'Client', id: client.id }],
      },
    );
    expect(read.data!._entities[0].priorityRankings[0]).toEqual({
      id: ranking.id,
      items: ranking.items.map((i) => ({ item: (i as { item: string }).item, rank: (i as { rank: number }).rank })),
    });
  });

  it('refuses each malformed grid naming the pair, before asking for access, and stores nothing', async () => {
    const client = caseysClients()[1];
    const before = await rankingsOf(client.id);
    const cases: Array<[Record<string, unknown>, string, number[] | undefined]> = [
      [{ choices: choices.slice(1) }, 'input.choices', [0, 1]],
      [{ choices: [...choices, { a: 2, b: 0, winner: 2 }] }, 'input.choices[6]', [2, 0]],
      [{ choices: [{ a: 0, b: 4, winner: 4 }, ...choices] }, 'input.choices[0]', [0, 4]],
      [{ choices: [...choices.slice(0, 5), { a: 3, b: 3, winner: 3 }] }, 'input.choices[5]', [3, 3]],
      [{ choices: [...choices.slice(0, 5), { a: 3, b: 2, winner: 0 }] }, 'input.choices[5]', [3, 2]],
      [{ items: ['Only one'], choices: [] }, 'input.items', undefined],
      [{ items: Array.from({ length: 11 }, (_, i) => `Need ${i}`), choices: [] }, 'input.items', undefined],
      [{ items: ['Housing', 'housing'], choices: [{ a: 0, b: 1, winner: 0 }] }, 'input.items[1]', undefined],
      [{ clientId: 'someone' }, 'input.clientId', undefined],
    ];
    for (const [change, field, pair] of cases) {
      const res = await bed.gql('casey', RANK, { input: { clientId: client.id, items, choices, ...change } });
      expect({ field, codes: errorCodes(res), got: res.errors?.[0].extensions?.field, pair: res.errors?.[0].extensions?.pair }).toEqual({
        field,
        codes: ['BAD_USER_INPUT'],
        got: field,
        pair,
      });
    }
    expect(bed.access.calls).toHaveLength(0);
    expect(await rankingsOf(client.id)).toEqual(before);
  });

  it('refuses callers who may not change the case, partners under a PLANS consent included, and stores nothing', async () => {
    const client = caseysClients()[2];
    bed.access.consents.set(`${EASTSIDE_ID}:${client.id}`, ['PLANS']);
    const before = await rankingsOf(client.id);
    const auditMark = await bed.lastAuditId();
    for (const who of ['jordan', 'robin', 'alex', 'admin'] as const) {
      expect({ who, codes: errorCodes(await bed.gql(who, RANK, { input: { clientId: client.id, items, choices } })) }).toEqual({
        who,
        codes: ['FORBIDDEN'],
      });
    }
    expect((await bed.auditSince(auditMark)).map((e) => [e.action, e.outcome, e.entity_type])).toEqual(
      Array(4).fill(['CREATE', 'DENIED', 'PriorityRanking']),
    );
    expect(await rankingsOf(client.id)).toEqual(before);
  });
});

describe('reading prioritizing grids', () => {
  it('shows the seeded grids to a partner only under a consent covering PLANS, and resolves references the same way', async () => {
    // A seeded grid of a client the tests above leave alone.
    const touched = new Set(
      caseysClients()
        .slice(0, 3)
        .map((c) => c.id),
    );
    const [seeded, other] = bed.seed.rankings.filter((r) => !touched.has(r.clientId));
    const asked = { r: [{ __typename: 'Client', id: seeded.clientId }] };
    const without = await bed.gql<{ _entities: Array<{ priorityRankings: unknown }> }>('robin', RANKINGS, asked);
    expect(without.data!._entities[0].priorityRankings).toBeNull();

    bed.access.consents.set(`${EASTSIDE_ID}:${seeded.clientId}`, ['CONTACT_INFO', 'PLANS']);
    const under = await bed.gql<{
      _entities: Array<{ priorityRankings: Array<{ id: string; items: Array<{ item: string; rank: number }> }> }>;
    }>('robin', RANKINGS, asked);
    expect(under.data!._entities[0].priorityRankings).toEqual([
      { id: seeded.id, items: seeded.ranked.map(({ item, rank }) => ({ item, rank })) },
    ]);

    const ref = `query($r: [_Any!]!) { _entities(representations: $r) { ... on PriorityRanking { id client { id } } } }`;
    const refs = { r: [seeded.id, other.id].map((id) => ({ __typename: 'PriorityRanking', id })) };
    const res = await bed.gql<{ _entities: unknown[] }>('robin', ref, refs);
    expect(res.data!._entities).toEqual([{ id: seeded.id, client: { id: seeded.clientId } }, null]);
  });
});
