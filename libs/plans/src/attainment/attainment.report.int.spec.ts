import { randomUUID } from 'node:crypto';
import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes, monthEnd, monthStart, months } from '@caseflow/testing';
import { tableLines } from '../testing/attainment-lines';
import { type PlansTestbed, startPlansTestbed } from '../testing/testbed';

const ATTAINMENT = `query($period: DateRangeInput!, $groupBy: [GoalAttainmentGrouping!]) {
  goalAttainment(period: $period, groupBy: $groupBy) { term month goalsSet { count suppressed } goalsAchieved { count suppressed } } }`;

type Count = { count: number | null; suppressed: boolean };
type Cell = { term: string | null; month: string | null; goalsSet: Count; goalsAchieved: Count };

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());

/** The twelve whole months up to and including this one. */
const year = () => months(-11, 0);
const month = (d: Date) => d.toISOString().slice(0, 7);
/** Goals set (their plan activated) in a term and month, and the distinct people behind them, worked out from the seed. */
function expected(term: string, m: string) {
  const plans = bed.seed.plans.filter((p) => p.status !== 'DRAFT' && month(p.createdAt) === m);
  const set = plans.flatMap((p) =>
    p.goals.filter((g) => g.term === term && g.status !== 'CANCELLED').map((g) => ({ ...g, clientId: p.clientId })),
  );
  const achieved = set.filter((g) => g.status === 'ACHIEVED');
  const people = (goals: typeof set) => new Set(goals.map((g) => g.clientId)).size;
  return { set: set.length, achieved: achieved.length, setPeople: people(set), achievedPeople: people(achieved) };
}

async function attainment(who: Parameters<PlansTestbed['gql']>[0], period: { from: string; to: string }, groupBy?: string[]) {
  const res = await bed.gql<{ goalAttainment: Cell[] }>(who, ATTAINMENT, { period, groupBy });
  expect(res.errors).toBeUndefined();
  return res.data!.goalAttainment;
}

/** Plans set this month for `people` new clients of a new agency, `goalsEach` SHORT goals each; an analyst of that agency. */
async function agencyWith(people: number, goalsEach: number) {
  const organizationId = randomUUID();
  const now = new Date();
  for (let i = 0; i < people; i += 1) {
    const [plan] = await bed.sql<{ id: string }>(
      `INSERT INTO plans.action_plan (id, client_id, organization_id, status, version, created_at, created_by, updated_at)
       VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'ACTIVE', 1, $2, gen_random_uuid(), $2) RETURNING id`,
      [organizationId, now],
    );
    for (let g = 0; g < goalsEach; g += 1) {
      await bed.sql(
        `INSERT INTO plans.goal (id, plan_id, position, description, term, status, created_at, set_at,
                                 smart_specific, smart_measurable, smart_achievable, smart_relevant, smart_time_limited)
         VALUES (gen_random_uuid(), $1, $2, 'Find a job', 'SHORT', 'ACHIEVED', $3, $3, true, true, true, true, true)`,
        [plan.id, g, now],
      );
    }
  }
  return { staffId: randomUUID(), role: 'ANALYST' as const, organizationId };
}

describe('goalAttainment', () => {
  it("gives a supervisor the agency's goals set and achieved per term and month, suppressing cells behind fewer than 11 people", async () => {
    const cells = await attainment('sam', year());
    expect(cells).toHaveLength(12 * 3);
    for (const cell of cells) {
      const e = expected(cell.term!, cell.month!);
      if (!cell.goalsSet.suppressed) expect(cell.goalsSet.count).toBe(e.set);
      if (!cell.goalsAchieved.suppressed) expect(cell.goalsAchieved.count).toBe(e.achieved);
      if (e.setPeople < 11) expect(cell.goalsSet).toEqual({ count: null, suppressed: true });
      if (e.achievedPeople < 11) expect(cell.goalsAchieved).toEqual({ count: null, suppressed: true });
    }
    // The demo has figures large enough to show and others small enough to be suppressed.
    expect(cells.some((c) => !c.goalsSet.suppressed)).toBe(true);
    expect(cells.some((c) => c.goalsSet.suppressed)).toBe(true);
  });

  it('never leaves a single suppressed cell in a month or a term beside the totals another grouping shows', async () => {
    const cells = await attainment('alex', year());
    const byMonth = await attainment('alex', year(), ['MONTH']);
    const byTerm = await attainment('alex', year(), ['TERM']);
    const [total] = await attainment('alex', year(), []);
    for (const measure of ['goalsSet', 'goalsAchieved'] as const) {
      for (const line of tableLines(cells, byMonth, byTerm, total)) expect(line.filter((c) => c[measure].suppressed).length).not.toBe(1);
    }
  });

  it('counts people, not goals: 12 goals of 3 people are suppressed, 12 goals of 12 people are shown', async () => {
    const thisMonth = months(0, 0);
    const few = await attainment(await agencyWith(3, 4), thisMonth, ['TERM', 'MONTH']);
    expect(few.find((c) => c.term === 'SHORT')).toEqual({
      term: 'SHORT',
      month: thisMonth.from.slice(0, 7),
      goalsSet: { count: null, suppressed: true },
      goalsAchieved: { count: null, suppressed: true },
    });
    expect(await attainment(await agencyWith(3, 4), thisMonth, [])).toEqual([
      { term: null, month: null, goalsSet: { count: null, suppressed: true }, goalsAchieved: { count: null, suppressed: true } },
    ]);
    const many = await attainment(await agencyWith(12, 1), thisMonth, ['TERM', 'MONTH']);
    expect(many.find((c) => c.term === 'SHORT')).toEqual({
      term: 'SHORT',
      month: thisMonth.from.slice(0, 7),
      goalsSet: { count: 12, suppressed: false },
      goalsAchieved: { count: 12, suppressed: false },
    });
  });

  it('gives an analyst the same figures of their own agency, and an analyst of another organization none', async () => {
    const sam = await attainment('sam', year());
    expect(await attainment('alex', year())).toEqual(sam);
    const elsewhere = await attainment(
      { staffId: '00000000-0000-4000-8000-0000000000aa', role: 'ANALYST', organizationId: NORTHSIDE_ID },
      year(),
    );
    expect(elsewhere.every((c) => c.goalsSet.suppressed && c.goalsAchieved.suppressed)).toBe(true);
  });

  it('groups by term only, month only, or not at all', async () => {
    expect((await attainment('alex', year(), ['TERM'])).map((c) => [c.term, c.month])).toEqual([
      ['SHORT', null],
      ['MID', null],
      ['LONG', null],
    ]);
    const plans = bed.seed.plans.filter((p) => p.status !== 'DRAFT');
    const all = plans.flatMap((p) => p.goals.filter((g) => g.status !== 'CANCELLED').map(() => month(p.createdAt)));
    const [total] = await attainment('alex', year(), []);
    // The year's total hides when any month that holds goals is hidden (else it would be that month minus a shorter period),
    // and otherwise counts every goal set: which of the two depends on how the demo's plans fall over the months of today's year.
    const monthsHidden = (await attainment('alex', year(), ['MONTH'])).filter((m) => m.goalsSet.suppressed && all.includes(m.month!));
    expect(total).toEqual({
      term: null,
      month: null,
      goalsSet: monthsHidden.length > 0 ? { count: null, suppressed: true } : { count: all.length, suppressed: false },
      goalsAchieved: total.goalsAchieved,
    });
    const byMonth = await attainment('alex', months(-2, 0), ['MONTH']);
    expect(byMonth.map((c) => [c.term, c.month])).toEqual([-2, -1, 0].map((m) => [null, monthStart(m).slice(0, 7)]));
  });

  it('refuses other roles with FORBIDDEN (audited) and a backwards period with BAD_USER_INPUT', async () => {
    const auditMark = await bed.lastAuditId();
    for (const who of ['casey', 'pat', 'admin'] as const) {
      const res = await bed.gql(who, ATTAINMENT, { period: year() });
      expect({ who, codes: errorCodes(res), data: res.data }).toEqual({ who, codes: ['FORBIDDEN'], data: null });
    }
    expect((await bed.auditSince(auditMark)).map((e) => [e.action, e.outcome, e.entity_type])).toEqual(
      Array(3).fill(['SEARCH', 'DENIED', 'GoalAttainment']),
    );
    const backwards = await bed.gql('alex', ATTAINMENT, { period: { from: monthStart(0), to: monthEnd(-1) } });
    expect([errorCodes(backwards), backwards.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'period.from']);
  });

  it('refuses a period that is not whole months, naming the field, and audits nothing', async () => {
    const auditMark = await bed.lastAuditId();
    const day = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
    const cases = [
      [{ from: day(monthStart(-1), 1), to: monthEnd(-1) }, 'period.from'],
      [{ from: monthStart(-1), to: day(monthEnd(-1), -1) }, 'period.to'],
      [{ from: day(monthStart(-1), 14), to: day(monthStart(0), 14) }, 'period.from'],
    ] as const;
    for (const [period, field] of cases) {
      const res = await bed.gql('alex', ATTAINMENT, { period });
      expect({ codes: errorCodes(res), field: res.errors?.[0].extensions?.field, data: res.data }).toEqual({
        codes: ['BAD_USER_INPUT'],
        field,
        data: null,
      });
    }
    expect(await bed.auditSince(auditMark)).toEqual([]);
  });

  it('refuses the differencing attack: periods a day apart cannot both be asked', async () => {
    const last = months(-1, -1);
    await attainment('alex', last);
    const dayLater = { from: new Date(Date.parse(last.from) + 86_400_000).toISOString().slice(0, 10), to: last.to };
    const res = await bed.gql('alex', ATTAINMENT, { period: dayLater });
    expect([errorCodes(res), res.errors![0].extensions!.field, res.data]).toEqual([['BAD_USER_INPUT'], 'period.from', null]);
  });
});
