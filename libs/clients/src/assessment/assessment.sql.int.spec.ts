import { anyOf } from '@caseflow/db';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';
import { AssessmentEntity, AssessmentItemEntity } from './assessment.entity';
import { assessmentItemsOf, assessmentsByClients, assessmentsByIds } from './assessment.sql';

let tb: ClientsTestbed;
const UNKNOWN = '00000000-0000-4000-8000-000000000999';
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));

beforeAll(async () => {
  tb = await startClientsTestbed();
  // The demo never leaves a summary out nor writes an item's notes: a second assessment of one client, at the very time
  // of its first (so the order falls to the id), with no summary and a noted item with a plan.
  const [first] = await tb.sql<{ client_id: string; assessed_at: Date; assessed_by: string }>(
    'SELECT client_id, assessed_at, assessed_by FROM clients.needs_assessment ORDER BY id LIMIT 1',
  );
  const [added] = await tb.sql<{ id: string }>(
    `INSERT INTO clients.needs_assessment (client_id, assessed_at, assessed_by, summary, barrier_count, asset_count)
     VALUES ($1, $2, $3, NULL, 1, 0) RETURNING id`,
    [first.client_id, first.assessed_at, first.assessed_by],
  );
  await tb.sql(
    `INSERT INTO clients.assessment_item (assessment_id, position, domain, characteristic, rating, notes, plan_how, plan_by_when, plan_who_helps)
     VALUES ($1, 1, 'OTHER', 'Forklift certificate', 'BARRIER', 'Expired last spring', 'Renewal course', (now() + interval '30 days')::date, NULL),
            ($1, 0, 'PERSONAL_HEALTH', 'General health', 'NOT_APPLICABLE', NULL, NULL, NULL, NULL)`,
    [added.id],
  );
});
afterAll(() => tb?.stop());

describe('assessment reads', () => {
  it("reads every client's assessments as the entities they stand for, latest first and the id breaking ties, as TypeORM would", async () => {
    const db = tb.t.subgraph.database.dataSource;
    const clientIds = tb.world.clients.map((c) => c.id);
    const prepared = await assessmentsByClients(db, [...clientIds, UNKNOWN]);
    const entities = await db
      .getRepository(AssessmentEntity)
      .find({ where: { clientId: anyOf(clientIds) }, order: { assessedAt: 'DESC', id: 'DESC' } });
    expect(prepared).toHaveLength(await tb.count('needs_assessment'));
    expect(prepared.some((a) => a.summary === null)).toBe(true);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await assessmentsByClients(db, [])).toEqual([]);
  });

  it('reads assessments by id as the entities they stand for', async () => {
    const db = tb.t.subgraph.database.dataSource;
    const ids = (await tb.sql<{ id: string }>('SELECT id FROM clients.needs_assessment')).map((r) => r.id);
    const prepared = byId(await assessmentsByIds(db, [...ids, UNKNOWN]));
    const entities = byId(await db.getRepository(AssessmentEntity).findBy({ id: anyOf(ids) }));
    expect(prepared).toHaveLength(ids.length);
    expect(prepared).toEqual(entities.map((e) => ({ ...e })));
    expect(await assessmentsByIds(db, [])).toEqual([]);
  });

  it('reads the items of every assessment as the entities they stand for, in position order within each assessment', async () => {
    const db = tb.t.subgraph.database.dataSource;
    const ids = (await tb.sql<{ id: string }>('SELECT id FROM clients.needs_assessment')).map((r) => r.id);
    const prepared = await assessmentItemsOf(db, [...ids, UNKNOWN]);
    const entities = await db.getRepository(AssessmentItemEntity).find({ where: { assessmentId: anyOf(ids) }, order: { position: 'ASC' } });
    expect(prepared).toHaveLength(await tb.count('assessment_item'));
    expect(prepared.some((i) => i.notes !== null && i.planByWhen !== null)).toBe(true);
    expect(byId(prepared)).toEqual(byId(entities).map((e) => ({ ...e })));
    for (const id of ids) {
      const positions = prepared.filter((i) => i.assessmentId === id).map((i) => i.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
    }
    expect(await assessmentItemsOf(db, [])).toEqual([]);
  });
});
