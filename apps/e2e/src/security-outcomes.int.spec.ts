/**
 * Outcome figures cannot be undone by differencing, through the gateway:
 * the analyst's contract operation refuses a period that is not whole
 * calendar months in every subgraph (naming the field, auditing nothing), a
 * month's figures are the same in every period that holds it, and no month
 * keeps a single suppressed cell beside shown ones.
 */
import { errorCodes, monthEnd, monthStart, months } from '@caseflow/testing';
import { operation } from './contract';
import { startTestStack, type TestStack } from './harness';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ production: true });
});
afterAll(() => stack?.stop());

type Count = { count: number | null; suppressed: boolean };
type Data = {
  referralOutcomes: Array<{ month: string; taxonomyTerm: { id: string } | null; sent: Count; accepted: Count; completed: Count }>;
  goalAttainment: Array<{ term: string; month: string; goalsSet: Count; goalsAchieved: Count }>;
  caseOutcomes: Array<{ outcome: string; month: string; closed: Count }>;
};
const OUTCOMES = operation('outcomes', 'Outcomes');
const day = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);
const AUDIT = ['clients.audit_event', 'plans.audit_event', 'referrals.audit_event'];
const auditCount = async () => {
  let n = 0;
  for (const table of AUDIT) n += Number((await stack.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return n;
};

describe('outcome figures through the gateway', () => {
  it('refuses a period a day shorter than whole months in all three subgraphs, naming the field, auditing nothing', async () => {
    const whole = months(-2, -1);
    const ok = await stack.as<Data>('alex', OUTCOMES, { period: whole });
    expect(ok.errors).toBeUndefined();

    const before = await auditCount();
    for (const [period, field] of [
      [{ from: day(whole.from, 1), to: whole.to }, 'period.from'],
      [{ from: whole.from, to: day(whole.to, -1) }, 'period.to'],
    ] as const) {
      const res = await stack.as<Data>('alex', OUTCOMES, { period });
      expect(res.data ?? null).toBeNull();
      expect(res.errors!.length).toBeGreaterThan(0);
      for (const error of res.errors!)
        expect({ code: error.extensions?.code, field: error.extensions?.field }).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    // Each field on its own, so that every subgraph is seen to refuse it.
    for (const root of [
      'caseOutcomes(period: $period) { month }',
      'goalAttainment(period: $period) { month }',
      'referralOutcomes(period: $period) { month }',
    ]) {
      const res = await stack.as('alex', `query($period: DateRangeInput!) { ${root} }`, {
        period: { from: day(monthStart(-1), 1), to: monthEnd(-1) },
      });
      expect({ root, codes: errorCodes(res), field: res.errors?.[0].extensions?.field, data: res.data ?? null }).toEqual({
        root,
        codes: ['BAD_USER_INPUT'],
        field: 'period.from',
        data: null,
      });
    }
    expect(await auditCount()).toBe(before);
  });

  it("gives a month the same figures in every period that holds it, and keeps no month's outcome line with one suppressed cell", async () => {
    const year = await stack.as<Data>('alex', OUTCOMES, { period: months(-11, 0) });
    expect(year.errors).toBeUndefined();
    for (let m = -11; m <= 0; m += 1) {
      const month = monthStart(m).slice(0, 7);
      const alone = await stack.as<Data>('alex', OUTCOMES, { period: months(m, m) });
      expect(alone.errors).toBeUndefined();
      expect(alone.data!.caseOutcomes).toEqual(year.data!.caseOutcomes.filter((c) => c.month === month));
      expect(alone.data!.goalAttainment).toEqual(year.data!.goalAttainment.filter((c) => c.month === month));
      expect(alone.data!.referralOutcomes).toEqual(year.data!.referralOutcomes.filter((c) => c.month === month));
      // A month's closures are a total known elsewhere: among two or more lines, never exactly one hidden (a lone line hides alone).
      const lines = alone.data!.caseOutcomes;
      const hidden = lines.filter((c) => c.closed.suppressed).length;
      if (lines.length > 1) expect(hidden).not.toBe(1);
    }
  });
});
