import { anyOf } from '@caseflow/db';
import { demoStaff } from '@caseflow/demo';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';
import { ReferralEventEntity } from './referral.entity';
import { eventsByIds, eventsOfReferrals } from './referral.sql';

let r: ReferralsTest;
testbedForSuite((t) => (r = t));

const UNKNOWN = '00000000-0000-4000-8000-000000000999';
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
const demoEvents = () => r.seeded.flatMap((s) => s.events.map((e) => ({ ...e, referralId: s.id })));

describe('referral history as prepared reads', () => {
  it('holds demo events with and without an actor and a note (every column is compared below with a value and with null)', () => {
    const events = demoEvents();
    expect(events.some((e) => e.actorId === null)).toBe(true);
    expect(events.some((e) => e.actorId !== null)).toBe(true);
    expect(events.some((e) => e.note === null)).toBe(true);
    expect(events.some((e) => e.note !== null)).toBe(true);
  });

  it('reads an event by id as the entity it stands for: every column of every demo event, as TypeORM would', async () => {
    const db = r.t.subgraph.database.dataSource;
    const ids = demoEvents().map((e) => e.id);
    const prepared = byId(await eventsByIds(db, [...ids, UNKNOWN]));
    const entities = byId(await db.getRepository(ReferralEventEntity).findBy({ id: anyOf(ids) }));
    expect(prepared).toHaveLength(ids.length);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await eventsByIds(db, [])).toEqual([]);
  });

  it("reads referrals' events oldest first, as the entities in TypeORM's order (at, then id)", async () => {
    const db = r.t.subgraph.database.dataSource;
    const referralIds = r.seeded.map((s) => s.id);
    const prepared = await eventsOfReferrals(db, [...referralIds, UNKNOWN]);
    const entities = await db
      .getRepository(ReferralEventEntity)
      .find({ where: { referralId: anyOf(referralIds) }, order: { at: 'ASC', id: 'ASC' } });
    expect(prepared).toHaveLength(demoEvents().length);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await eventsOfReferrals(db, [UNKNOWN])).toEqual([]);
    expect(await eventsOfReferrals(db, [])).toEqual([]);
  });

  it("answers the profile's history of a page of referrals in one prepared statement, each history oldest first", async () => {
    const casey = demoStaff('casey');
    const ids = r.world.clients.filter((c) => c.caseManagerId === casey.id && r.seeded.some((s) => s.clientId === c.id)).map((c) => c.id);
    const mark = r.t.subgraph.database.counter.count;
    const res = await r.as<{
      _entities: Array<{ referrals: Array<{ id: string; history: Array<{ status: string; at: string; note: string | null }> }> }>;
    }>(
      'casey',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { referrals { id history { status at note } } } } }',
      { r: ids.map((id) => ({ __typename: 'Client', id })) },
    );
    expect(res.errors).toBeUndefined();
    const got = res.data!._entities.flatMap((e) => e.referrals);
    expect(got.length).toBeGreaterThan(1);
    const seededOf = (id: string) => r.seeded.find((s) => s.id === id)!;
    expect(got.map((g) => g.history)).toEqual(
      got.map((g) =>
        [...seededOf(g.id).events]
          .sort((x, y) => x.at.getTime() - y.at.getTime() || x.id.localeCompare(y.id))
          .map((e) => ({ status: e.status, at: e.at.toISOString(), note: e.note })),
      ),
    );
    const reads = r.sqlSince(mark).filter((sql) => sql.includes('referrals.referral_event'));
    expect(reads).toEqual([
      expect.stringMatching(
        /^SELECT e\.id, .* FROM referrals\.referral_event e WHERE e\.referral_id = ANY\(\$1::uuid\[\]\) ORDER BY e\.at, e\.id$/s,
      ),
    ]);
  });
});
