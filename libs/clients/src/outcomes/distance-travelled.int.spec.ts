import { HARBOUR_ID, NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, internalHeaders, monthEnd, monthStart, postGraphQL } from '@caseflow/testing';
import { ASSESSMENT_DOMAINS } from '../assessment/assessment.entity';
import { day, expectPeriodsRefused, lastAuditId } from '../testing/outcomes';
import { type ClientsTestbed, startClientsTestbed } from '../testing/testbed';

const QUERY = `query($p: DateRangeInput!) { distanceTravelled(period: $p) {
  domain clients { count suppressed } barrierToAsset { count suppressed } assetToBarrier { count suppressed } } }`;
type Count = { count: number | null; suppressed: boolean };
type Cell = { domain: string; clients: Count; barrierToAsset: Count; assetToBarrier: Count };
type Cells = { distanceTravelled: Cell[] };

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const shown = (count: number): Count => ({ count, suppressed: false });
const HIDDEN: Count = { count: null, suppressed: true };

type Rating = 'ASSET' | 'BARRIER' | 'NOT_APPLICABLE';
type Item = [domain: string, characteristic: string, rating: Rating];

/** Records an assessment of each client at `at` (the clients' own assessments are months of 2017–2018: no demo data there). */
async function assess(clientIds: string[], at: string, items: (clientIndex: number) => Item[]) {
  for (const [k, clientId] of clientIds.entries()) {
    const rated = items(k);
    const [{ id }] = await tb.sql<{ id: string }>(
      `INSERT INTO clients.needs_assessment (client_id, assessed_at, assessed_by, barrier_count, asset_count) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [clientId, at, tb.staff('casey').id, rated.filter((i) => i[2] === 'BARRIER').length, rated.filter((i) => i[2] === 'ASSET').length],
    );
    for (const [position, [domain, characteristic, rating]] of rated.entries())
      await tb.sql(
        `INSERT INTO clients.assessment_item (assessment_id, position, domain, characteristic, rating) VALUES ($1, $2, $3, $4, $5)`,
        [id, position, domain, characteristic, rating],
      );
  }
}

/** Copies of Harbour clients as clients of another agency (new ids, nothing else on their record). */
async function clientsOf(organizationId: string, count: number): Promise<string[]> {
  const harbour = tb.world.clients.filter((c) => c.organizationId === HARBOUR_ID).map((c) => c.id);
  const rows = await tb.sql<{ id: string }>(
    `INSERT INTO clients.client
     SELECT (json_populate_record(c, json_build_object('id', gen_random_uuid(), 'organization_id', $2::uuid))).* FROM clients.client c
      WHERE c.id = ANY($1::uuid[]) RETURNING id`,
    [harbour.slice(0, count), organizationId],
  );
  return rows.map((r) => r.id);
}

describe('distanceTravelled (analysts): whole months, roles', () => {
  it('refuses a period that is not whole calendar months, naming the field, and audits nothing', async () => {
    await expectPeriodsRefused(tb, QUERY, [
      [{ from: day(monthStart(-1), 1), to: monthEnd(-1) }, 'period.from'],
      [{ from: monthStart(-1), to: day(monthEnd(-1), -1) }, 'period.to'],
      [{ from: monthStart(0), to: monthEnd(-1) }, 'period.from'],
      [{ from: 'last month', to: monthEnd(-1) }, 'period.from'],
    ]);
  });

  it('answers analysts and supervisors of the agency, with the search in the audit trail', async () => {
    const p = { from: monthStart(-12), to: monthEnd(-1) };
    for (const key of ['alex', 'sam'] as const) {
      const mark = await lastAuditId(tb);
      const res = await tb.as<Cells>(key, QUERY, { p });
      expect(res.errors).toBeUndefined();
      // Every domain, in the checklist's order.
      expect(res.data!.distanceTravelled.map((c) => c.domain)).toEqual(ASSESSMENT_DOMAINS);
      expect(
        await tb.sql('SELECT action, entity_type, outcome, detail FROM clients.audit_event WHERE id > $1 AND actor_id = $2', [
          mark,
          tb.staff(key).id,
        ]),
      ).toEqual([{ action: 'SEARCH', entity_type: 'DistanceTravelled', outcome: 'ALLOWED', detail: `period ${p.from}..${p.to}` }]);
    }
  });

  it('refuses partners, case managers and admins (FORBIDDEN, audited as a denial), with no figures', async () => {
    const p = { from: monthStart(-12), to: monthEnd(-1) };
    for (const key of ['pat', 'robin', 'casey', 'jordan', 'admin'] as const) {
      const mark = await lastAuditId(tb);
      const res = await tb.as(key, QUERY, { p });
      expect([errorCodes(res), res.data]).toEqual([['FORBIDDEN'], null]);
      expect(
        await tb.sql('SELECT action, entity_type, outcome FROM clients.audit_event WHERE id > $1 AND actor_id = $2', [
          mark,
          tb.staff(key).id,
        ]),
      ).toEqual([{ action: 'SEARCH', entity_type: 'DistanceTravelled', outcome: 'DENIED' }]);
    }
  });
});

describe('distanceTravelled (analysts): people counted, suppression', () => {
  // January–February 2018. Fourteen Harbour clients assessed on 5 January and 10 February, a middle assessment between.
  const PERIOD = { from: '2018-01-01', to: '2018-02-28' };

  beforeAll(async () => {
    const harbour = tb.world.clients.filter((c) => c.organizationId === HARBOUR_ID).map((c) => c.id);
    const group = harbour.slice(0, 14);
    const first = (k: number): Item[] => [
      ['CERTIFICATES_LICENSES', 'Education', 'ASSET'],
      ['PERSONAL_CIRCUMSTANCES', 'Transportation', 'BARRIER'],
      ['PERSONAL_CIRCUMSTANCES', 'Childcare', 'NOT_APPLICABLE'],
      ['PERSONAL_HEALTH', 'General health', 'ASSET'],
      // Ten move from barrier to asset.
      ['ATTITUDES', 'Desire to work', k < 10 ? 'BARRIER' : 'ASSET'],
      ['SOCIAL_SUPPORT', 'Supportive family', 'ASSET'],
      ['CAREER_MANAGEMENT', 'Resume', 'BARRIER'],
      // Eleven move from barrier to asset, on two characteristics each: people are counted, not characteristics.
      ['EMPLOYABILITY', 'Punctuality', k < 11 ? 'BARRIER' : 'ASSET'],
      ['EMPLOYABILITY', 'Attendance record', k < 11 ? 'BARRIER' : 'ASSET'],
      ...(k < 3 ? [['OTHER', 'Forklift ticket', 'BARRIER'] as Item] : []),
    ];
    const latest = (k: number): Item[] => [
      ['CERTIFICATES_LICENSES', 'Education', 'ASSET'],
      ['PERSONAL_CIRCUMSTANCES', 'Transportation', 'BARRIER'],
      ['PERSONAL_CIRCUMSTANCES', 'Childcare', 'NOT_APPLICABLE'],
      // Two no longer rate the domain: twelve people for it.
      ...(k < 12 ? [['PERSONAL_HEALTH', 'General health', 'ASSET'] as Item] : [['PERSONAL_HEALTH', 'Addiction', 'NOT_APPLICABLE'] as Item]),
      ['ATTITUDES', 'Desire to work', 'ASSET'],
      ['SOCIAL_SUPPORT', 'Supportive family', 'ASSET'],
      ['CAREER_MANAGEMENT', 'Resume', 'BARRIER'],
      // Matched case-insensitively, as the assessment matches characteristics.
      ['EMPLOYABILITY', 'punctuality', 'ASSET'],
      ['EMPLOYABILITY', 'Attendance record', 'ASSET'],
      ...(k < 3 ? [['OTHER', 'Forklift ticket', 'ASSET'] as Item] : []),
    ];
    await assess(group, '2018-01-05T15:00:00Z', first);
    // The middle assessment is not compared: were it, every one of them would go from asset to barrier somewhere.
    await assess(group, '2018-01-20T15:00:00Z', () => [
      ['EMPLOYABILITY', 'Punctuality', 'BARRIER'],
      ['SOCIAL_SUPPORT', 'Supportive family', 'BARRIER'],
    ]);
    await assess(group, '2018-02-10T15:00:00Z', latest);
    // Five more whose first assessment is before the period: one assessment in it, not counted.
    const before = harbour.slice(14, 19);
    await assess(before, '2017-12-05T15:00:00Z', () => [['EMPLOYABILITY', 'Punctuality', 'BARRIER']]);
    await assess(before, '2018-02-10T15:00:00Z', () => [['EMPLOYABILITY', 'Punctuality', 'ASSET']]);
    // Another agency's twenty clients move from asset to barrier in every domain: never counted for Harbour.
    const northside = await clientsOf(NORTHSIDE_ID, 20);
    const everyDomain = (rating: Rating): Item[] =>
      ['CERTIFICATES_LICENSES', 'PERSONAL_HEALTH', 'ATTITUDES', 'EMPLOYABILITY', 'OTHER'].map((d) => [d, 'Shared', rating]);
    await assess(northside, '2018-01-08T15:00:00Z', () => everyDomain('ASSET'));
    await assess(northside, '2018-02-08T15:00:00Z', () => everyDomain('BARRIER'));
  });

  it('counts people whose first and latest assessments in the period rate a domain: 11 shown, 10 suppressed, complementary suppression', async () => {
    const res = await tb.as<Cells>('alex', QUERY, { p: PERIOD });
    expect(res.errors).toBeUndefined();
    const table = Object.fromEntries(res.data!.distanceTravelled.map(({ domain, ...cell }) => [domain, cell]));
    expect(table).toEqual({
      CERTIFICATES_LICENSES: { clients: shown(14), barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
      PERSONAL_CIRCUMSTANCES: { clients: shown(14), barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
      // Twelve: the smallest other cell of the clients line, hidden beside OTHER's three.
      PERSONAL_HEALTH: { clients: HIDDEN, barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
      // Ten people from barrier to asset: suppressed.
      ATTITUDES: { clients: shown(14), barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
      SOCIAL_SUPPORT: { clients: shown(14), barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
      CAREER_MANAGEMENT: { clients: shown(14), barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
      // Eleven people from barrier to asset: shown.
      EMPLOYABILITY: { clients: shown(14), barrierToAsset: shown(11), assetToBarrier: HIDDEN },
      // Three people: suppressed.
      OTHER: { clients: HIDDEN, barrierToAsset: HIDDEN, assetToBarrier: HIDDEN },
    });
  });

  it('supervisors of the agency see the same figures', async () => {
    const alex = await tb.as<Cells>('alex', QUERY, { p: PERIOD });
    const sam = await tb.as<Cells>('sam', QUERY, { p: PERIOD });
    expect(sam.errors).toBeUndefined();
    expect(sam.data).toEqual(alex.data);
  });

  it('compares the first and latest assessments within the period: a shorter period sees one assessment and counts no one', async () => {
    const res = await tb.as<Cells>('alex', QUERY, { p: { from: '2018-02-01', to: '2018-02-28' } });
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.distanceTravelled.every((c) => c.clients.suppressed && c.barrierToAsset.suppressed && c.assetToBarrier.suppressed),
    ).toBe(true);
  });

  it("counts each agency's own people only: the other agency's analyst sees its twenty, moving from asset to barrier", async () => {
    const analyst = { staffId: '00000000-0000-4000-8000-00000000a11a', role: 'ANALYST' as const, organizationId: NORTHSIDE_ID };
    const res = await postGraphQL<Cells>(tb.t.url, QUERY, { p: PERIOD }, internalHeaders(analyst, tb.t.secret));
    expect(res.errors).toBeUndefined();
    const moved = { clients: shown(20), barrierToAsset: HIDDEN, assetToBarrier: shown(20) };
    const none = { clients: HIDDEN, barrierToAsset: HIDDEN, assetToBarrier: HIDDEN };
    expect(Object.fromEntries(res.data!.distanceTravelled.map(({ domain, ...cell }) => [domain, cell]))).toEqual({
      CERTIFICATES_LICENSES: moved,
      PERSONAL_CIRCUMSTANCES: none,
      PERSONAL_HEALTH: moved,
      ATTITUDES: moved,
      SOCIAL_SUPPORT: none,
      CAREER_MANAGEMENT: none,
      EMPLOYABILITY: moved,
      OTHER: moved,
    });
  });
});
