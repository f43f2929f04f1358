import { NORTHSIDE_ID } from '@caseflow/demo';
import { errorCodes } from '@caseflow/testing';
import type { SeedPlan } from '../seed-world';
import { calendarDate } from '../step/step.rules';
import { type PlansTestbed, startPlansTestbed } from '../testing/plans-testbed';

const ATTAINMENT = `query($period: DateRangeInput!, $groupBy: [GoalAttainmentGrouping!]) {
  goalAttainment(period: $period, groupBy: $groupBy) { term month goalsSet { count suppressed } goalsAchieved { count suppressed } } }`;

type Cell = { term: string | null; month: string | null; goalsSet: { count: number | null; suppressed: boolean }; goalsAchieved: { count: number | null; suppressed: boolean } };

let bed: PlansTestbed;
beforeAll(async () => {
  bed = await startPlansTestbed();
});
afterAll(() => bed?.stop());

const year = () => ({ from: calendarDate(new Date(Date.now() - 365 * 86_400_000)), to: calendarDate(new Date()) });
const month = (d: Date) => d.toISOString().slice(0, 7);
/** Goals set (their plan activated) per term and month, worked out from the seed. */
function expected(plans: SeedPlan[], term: string, m: string) {
  const goals = plans.filter((p) => p.status !== 'DRAFT' && month(p.createdAt) === m).flatMap((p) => p.goals.filter((g) => g.term === term && g.status !== 'CANCELLED'));
  return { set: goals.length, achieved: goals.filter((g) => g.status === 'ACHIEVED').length };
}
const figure = (n: number) => (n < 11 ? { count: null, suppressed: true } : { count: n, suppressed: false });

describe('goalAttainment', () => {
  it("gives a supervisor the agency's goals set and achieved per term and month, suppressing cells under 11", async () => {
    const res = await bed.gql<{ goalAttainment: Cell[] }>('sam', ATTAINMENT, { period: year() });
    expect(res.errors).toBeUndefined();
    const cells = res.data!.goalAttainment;
    expect(cells.length % 3).toBe(0);
    for (const cell of cells) {
      const { set, achieved } = expected(bed.seed.plans, cell.term!, cell.month!);
      expect(cell).toEqual({ term: cell.term, month: cell.month, goalsSet: figure(set), goalsAchieved: figure(achieved) });
    }
    // The demo has figures large enough to show and others small enough to be suppressed.
    expect(cells.some((c) => !c.goalsSet.suppressed && !c.goalsAchieved.suppressed)).toBe(true);
    expect(cells.some((c) => !c.goalsSet.suppressed && c.goalsAchieved.suppressed)).toBe(true);
  });

  it('gives an analyst the same figures of their own agency, and an analyst of another organization none', async () => {
    const sam = await bed.gql<{ goalAttainment: Cell[] }>('sam', ATTAINMENT, { period: year() });
    const alex = await bed.gql<{ goalAttainment: Cell[] }>('alex', ATTAINMENT, { period: year() });
    expect(alex.data).toEqual(sam.data);
    const elsewhere = await bed.gql<{ goalAttainment: Cell[] }>(
      { staffId: '00000000-0000-4000-8000-0000000000aa', role: 'ANALYST', organizationId: NORTHSIDE_ID },
      ATTAINMENT,
      { period: year() },
    );
    expect(elsewhere.data!.goalAttainment.every((c) => c.goalsSet.suppressed && c.goalsAchieved.suppressed)).toBe(true);
  });

  it('groups by term only, month only, or not at all', async () => {
    const byTerm = await bed.gql<{ goalAttainment: Cell[] }>('alex', ATTAINMENT, { period: year(), groupBy: ['TERM'] });
    expect(byTerm.data!.goalAttainment.map((c) => [c.term, c.month])).toEqual([['SHORT', null], ['MID', null], ['LONG', null]]);
    const total = await bed.gql<{ goalAttainment: Cell[] }>('alex', ATTAINMENT, { period: year(), groupBy: [] });
    const all = bed.seed.plans.filter((p) => p.status !== 'DRAFT').flatMap((p) => p.goals.filter((g) => g.status !== 'CANCELLED'));
    expect(total.data!.goalAttainment).toEqual([
      { term: null, month: null, goalsSet: figure(all.length), goalsAchieved: figure(all.filter((g) => g.status === 'ACHIEVED').length) },
    ]);
    const byMonth = await bed.gql<{ goalAttainment: Cell[] }>('alex', ATTAINMENT, { period: { from: '2026-01-15', to: '2026-03-01' }, groupBy: ['MONTH'] });
    expect(byMonth.data!.goalAttainment.map((c) => [c.term, c.month])).toEqual([[null, '2026-01'], [null, '2026-02'], [null, '2026-03']]);
  });

  it('refuses other roles with FORBIDDEN (audited) and a backwards period with BAD_USER_INPUT', async () => {
    const auditMark = await bed.lastAuditId();
    for (const who of ['casey', 'pat', 'admin'] as const) {
      const res = await bed.gql(who, ATTAINMENT, { period: year() });
      expect({ who, codes: errorCodes(res), data: res.data }).toEqual({ who, codes: ['FORBIDDEN'], data: null });
    }
    expect((await bed.auditSince(auditMark)).map((e) => [e.action, e.outcome, e.entity_type])).toEqual(Array(3).fill(['SEARCH', 'DENIED', 'GoalAttainment']));
    const backwards = await bed.gql('alex', ATTAINMENT, { period: { from: '2026-05-01', to: '2026-04-01' } });
    expect([errorCodes(backwards), backwards.errors![0].extensions!.field]).toEqual([['BAD_USER_INPUT'], 'period.from']);
  });
});
