import { HARBOUR_ID } from '@caseflow/demo';
import { errorCodes, monthEnd, monthStart } from '@caseflow/testing';
import { day, expectPeriodsRefused } from '../testing/outcomes';
import { type ClientsTestbed, startClientsTestbed } from '../testing/testbed';

const OUTCOMES = `query($p: DateRangeInput!) { caseOutcomes(period: $p) { outcome program month closed { count suppressed } } }`;
type Cell = { outcome: string; program: string | null; month: string; closed: { count: number | null; suppressed: boolean } };
type Cells = { caseOutcomes: Cell[] };

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

/** Closes `people` distinct Harbour clients with `outcome` on the 10th of `month` (a month of 2018: no demo data there). */
async function close(month: string, outcome: string, people: string[]) {
  await tb.sql(
    `INSERT INTO clients.case_event (client_id, kind, from_status, to_status, at, actor_id, outcome) SELECT unnest($1::uuid[]), 'CLOSED', 'ACTIVE', 'CLOSED', $2, $3, $4`,
    [people, `${month}-10T12:00:00Z`, tb.staff('casey').id, outcome],
  );
}

describe('caseOutcomes: whole months only', () => {
  it('refuses a period that is not whole calendar months, naming the field, and audits nothing', async () => {
    await expectPeriodsRefused(tb, OUTCOMES, [
      [{ from: day(monthStart(-1), 1), to: monthEnd(-1) }, 'period.from'],
      [{ from: monthStart(-1), to: day(monthEnd(-1), -1) }, 'period.to'],
      [{ from: day(monthStart(-2), 9), to: day(monthStart(0), 9) }, 'period.from'],
      [{ from: monthStart(0), to: monthEnd(-1) }, 'period.from'],
    ]);
  });

  it('refuses the differencing attack: the same month less its first day', async () => {
    const month = { from: monthStart(-1), to: monthEnd(-1) };
    expect((await tb.as<Cells>('alex', OUTCOMES, { p: month })).errors).toBeUndefined();
    for (let skip = 1; skip <= 3; skip += 1) {
      const res = await tb.as('alex', OUTCOMES, { p: { from: day(month.from, skip), to: month.to } });
      expect([errorCodes(res), res.errors![0].extensions!.field, res.data]).toEqual([['BAD_USER_INPUT'], 'period.from', null]);
    }
  });
});

describe('caseOutcomes: complementary suppression', () => {
  beforeAll(async () => {
    const harbour = tb.world.clients.filter((c) => c.organizationId === HARBOUR_ID).map((c) => c.id);
    await close('2018-05', 'MOVED', harbour.slice(0, 3));
    await close('2018-05', 'EMPLOYED', harbour.slice(3, 23));
    await close('2018-05', 'GOALS_MET', harbour.slice(23, 35));
    await close('2018-06', 'EMPLOYED', harbour.slice(0, 14));
    await close('2018-06', 'GOALS_MET', harbour.slice(14, 27));
  });

  it('hides the smallest other outcome of a month beside a single suppressed one', async () => {
    const res = await tb.as<Cells>('alex', OUTCOMES, { p: { from: '2018-05-01', to: '2018-05-31' } });
    expect(res.errors).toBeUndefined();
    const hidden = { count: null, suppressed: true };
    // MOVED: 3 people. The month's 35 closures are a figure an agency reports: GOALS_MET (12, the smallest other) hides too.
    expect(res.data!.caseOutcomes.map((c) => [c.outcome, c.closed])).toEqual([
      ['EMPLOYED', { count: 20, suppressed: false }],
      ['GOALS_MET', hidden],
      ['MOVED', hidden],
    ]);
  });

  it('decides a month alike in every period, and leaves a month without a small cell alone', async () => {
    const may = await tb.as<Cells>('alex', OUTCOMES, { p: { from: '2018-05-01', to: '2018-05-31' } });
    const spring = await tb.as<Cells>('alex', OUTCOMES, { p: { from: '2018-04-01', to: '2018-06-30' } });
    expect(spring.data!.caseOutcomes.filter((c) => c.month === '2018-05')).toEqual(may.data!.caseOutcomes);
    expect(spring.data!.caseOutcomes.filter((c) => c.month === '2018-06').map((c) => [c.outcome, c.closed.count])).toEqual([
      ['EMPLOYED', 14],
      ['GOALS_MET', 13],
    ]);
  });
});
