import { randomUUID } from 'node:crypto';
import { EASTSIDE_ID, HARBOUR_ID, NORTHSIDE_ID, demoStaff } from '@caseflow/demo';
import { errorCodes, internalHeaders, months, postGraphQL } from '@caseflow/testing';
import { taxonomyTermId } from '@caseflow/referrals-seed';
import { type ReferralsTest, testbedForSuite } from '../testing/testbed';

const OUTCOMES = `query($period: DateRangeInput!, $groupBy: [ReferralGrouping!]) {
  referralOutcomes(period: $period, groupBy: $groupBy) {
    month organization { id } taxonomyTerm { id }
    sent { count suppressed } accepted { count suppressed } completed { count suppressed }
    completionRate medianDaysToResponse
  }
}`;

interface Cell {
  month: string | null;
  organization: { id: string } | null;
  taxonomyTerm: { id: string } | null;
  sent: { count: number | null; suppressed: boolean };
  accepted: { count: number | null; suppressed: boolean };
  completed: { count: number | null; suppressed: boolean };
  completionRate: number | null;
  medianDaysToResponse: number | null;
}
type Outcomes = { referralOutcomes: Cell[] };

let r: ReferralsTest;
testbedForSuite((t) => (r = t));

const shown = (count: number) => ({ count, suppressed: false });
const hidden = { count: null, suppressed: true };
/** A cell of the month and term with every figure suppressed. */
const allHidden = (month: string, taxonomyTerm: { id: string }) => ({
  month,
  organization: null,
  taxonomyTerm,
  sent: hidden,
  accepted: hidden,
  completed: hidden,
  completionRate: null,
  medianDaysToResponse: null,
});
const PANTRY_TERM = taxonomyTermId('1130');

/**
 * Adds referrals sent by Harbour in a month of 2019 (no demo data there):
 * `people` distinct clients over `n` referrals, the first `accepted` of them
 * accepted (answered after `days`), the first `completed` completed.
 */
async function addMonth(month: string, n: number, options: { people?: number; accepted?: number; completed?: number; days?: number }) {
  const people = Array.from({ length: options.people ?? n }, () => randomUUID());
  const rows = Array.from({ length: n }, (_, i) => {
    const sentAt = new Date(`${month}-10T12:00:00Z`);
    const answered = i < (options.accepted ?? n) ? new Date(sentAt.getTime() + (options.days ?? 2) * 86_400_000) : null;
    const done = i < (options.completed ?? 0);
    return [
      people[i % people.length],
      sentAt,
      answered,
      done ? 'COMPLETED' : answered ? 'ACCEPTED' : 'EXPIRED',
      done ? 'SERVICE_PROVIDED' : null,
    ];
  });
  await r.query(
    `INSERT INTO referrals.referral (client_id, client_organization_id, service_id, organization_id, referred_by, need, necessary_rationale,
                                     appropriate_rationale, status, created_at, sent_at, first_response_at, accepted_at, outcome, service_taxonomy_term_ids)
     SELECT client_id, $2, $3, $4, $5, 'need', 'necessary', 'appropriate', status, sent_at, sent_at, answered, answered, outcome, $6::uuid[]
       FROM unnest($1::uuid[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[]) AS t(client_id, sent_at, answered, status, outcome)`,
    [
      rows.map((x) => x[0]),
      HARBOUR_ID,
      randomUUID(),
      NORTHSIDE_ID,
      demoStaff('jordan').id,
      [PANTRY_TERM],
      rows.map((x) => x[1]),
      rows.map((x) => x[2]),
      rows.map((x) => x[3]),
      rows.map((x) => x[4]),
    ],
  );
}

describe('referralOutcomes: suppression', () => {
  beforeAll(async () => {
    await addMonth('2019-03', 11, { completed: 11, days: 2 });
    await addMonth('2019-04', 10, { completed: 10 });
    await addMonth('2019-05', 12, { people: 10, completed: 12 });
    await addMonth('2019-06', 15, { accepted: 12, completed: 10, days: 3 });
  });

  it('shows a cell of 11 people and suppresses one of 10, with rates only where both sides show', async () => {
    const res = await r.as<Outcomes>('alex', OUTCOMES, {
      period: { from: '2019-01-01', to: '2019-12-31' },
      groupBy: ['MONTH', 'TAXONOMY_TERM'],
    });
    expect(res.errors).toBeUndefined();
    const term = { id: PANTRY_TERM };
    expect(res.data!.referralOutcomes).toEqual([
      {
        month: '2019-03',
        organization: null,
        taxonomyTerm: term,
        sent: shown(11),
        accepted: shown(11),
        completed: shown(11),
        completionRate: 1,
        medianDaysToResponse: 2,
      },
      allHidden('2019-04', term),
      // Twelve referrals, but of ten people: still suppressed.
      allHidden('2019-05', term),
      {
        month: '2019-06',
        organization: null,
        taxonomyTerm: term,
        sent: shown(15),
        accepted: shown(12),
        completed: hidden,
        completionRate: null,
        medianDaysToResponse: 3,
      },
    ]);
  });

  it('adds months together without grouping, and groups by receiving organization', async () => {
    const total = await r.as<Outcomes>('sam', OUTCOMES, { period: { from: '2019-05-01', to: '2019-06-30' } });
    // 27 referrals of 25 people, hidden with May (ten people): else the total minus June would be May. 24 answers, half in 2 days, half in 3.
    expect(total.data!.referralOutcomes).toEqual([
      {
        month: null,
        organization: null,
        taxonomyTerm: null,
        sent: hidden,
        accepted: hidden,
        completed: hidden,
        completionRate: null,
        medianDaysToResponse: 2.5,
      },
    ]);
    const byOrganization = await r.as<Outcomes>('alex', OUTCOMES, {
      period: { from: '2019-06-01', to: '2019-06-30' },
      groupBy: ['ORGANIZATION', 'ORGANIZATION'],
    });
    expect(byOrganization.data!.referralOutcomes.map((c) => [c.organization, c.sent])).toEqual([[{ id: NORTHSIDE_ID }, shown(15)]]);
  });

  it('counts a referral in the month it was sent', async () => {
    const res = await r.as<Outcomes>('alex', OUTCOMES, { period: { from: '2019-03-01', to: '2019-03-31' }, groupBy: ['MONTH'] });
    expect(res.data!.referralOutcomes.map((c) => [c.month, c.sent])).toEqual([['2019-03', shown(11)]]);
  });

  it('cannot be undone by differencing: a month is the same in every period, and a total over months hides with any hidden month', async () => {
    const period = (from: string, to: string) => ({ period: { from, to } });
    const march = await r.as<Outcomes>('alex', OUTCOMES, { ...period('2019-03-01', '2019-03-31'), groupBy: ['MONTH'] });
    const spring = await r.as<Outcomes>('alex', OUTCOMES, { ...period('2019-01-01', '2019-06-30'), groupBy: ['MONTH'] });
    expect(spring.data!.referralOutcomes.find((c) => c.month === '2019-03')).toEqual(march.data!.referralOutcomes[0]);
    // March alone is 11; March and April together would be 21, and 21 - 11 is April's 10: the total is hidden.
    const marchApril = await r.as<Outcomes>('alex', OUTCOMES, period('2019-03-01', '2019-04-30'));
    expect(marchApril.data!.referralOutcomes.map((c) => c.sent)).toEqual([hidden]);
    const marchAlone = await r.as<Outcomes>('alex', OUTCOMES, period('2019-03-01', '2019-03-31'));
    expect(marchAlone.data!.referralOutcomes.map((c) => c.sent)).toEqual([shown(11)]);
  });

  it('refuses the same period a day shorter, naming the field, with nothing audited', async () => {
    const mark = await r.auditMark();
    for (const [p, field] of [
      [{ from: '2019-03-02', to: '2019-03-31' }, 'period.from'],
      [{ from: '2019-03-01', to: '2019-03-30' }, 'period.to'],
      [{ from: '2019-03-10', to: '2019-03-10' }, 'period.from'],
      [{ from: '2019-02-01', to: '2019-02-27' }, 'period.to'],
    ] as const) {
      const res = await r.as('alex', OUTCOMES, { period: p, groupBy: ['MONTH'] });
      expect({ codes: errorCodes(res), field: res.errors?.[0].extensions?.field, data: res.data }).toEqual({
        codes: ['BAD_USER_INPUT'],
        field,
        data: null,
      });
    }
    expect(await r.auditSince(mark)).toEqual([]);
  });
});

describe('referralOutcomes: the demo year', () => {
  it('matches the seeded referrals month by month and term by term, some cells shown and some suppressed', async () => {
    const now = r.world.today;
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1));
    const period = months(-12, 0, now);
    const res = await r.as<Outcomes>('alex', OUTCOMES, { period, groupBy: ['MONTH', 'TAXONOMY_TERM'] });
    expect(res.errors).toBeUndefined();
    const cells = new Map<string, { people: Set<string>; sent: number; completedPeople: Set<string>; completed: number }>();
    for (const x of r.seeded.filter((s) => s.sentAt && s.sentAt >= from && s.clientOrganizationId === HARBOUR_ID)) {
      for (const term of x.taxonomyTermIds.length ? x.taxonomyTermIds : [null]) {
        const key = JSON.stringify([x.sentAt!.toISOString().slice(0, 7), term]);
        const cell = cells.get(key) ?? { people: new Set(), sent: 0, completedPeople: new Set(), completed: 0 };
        cell.people.add(x.clientId);
        cell.sent += 1;
        if (x.status === 'COMPLETED') {
          cell.completedPeople.add(x.clientId);
          cell.completed += 1;
        }
        cells.set(key, cell);
      }
    }
    const got = res.data!.referralOutcomes.map(
      (c) => [JSON.stringify([c.month, c.taxonomyTerm?.id ?? null]), c.sent, c.completed] as const,
    );
    expect(got.map(([key]) => key).sort()).toEqual([...cells.keys()].sort());
    // A shown count is the seed's; a count behind fewer than 11 people is hidden (others may be hidden to protect it).
    for (const [key, sent, completed] of got) {
      const c = cells.get(key)!;
      expect(sent).toEqual(c.people.size < 11 || sent.suppressed ? hidden : shown(c.sent));
      expect(completed).toEqual(c.completedPeople.size < 11 || completed.suppressed ? hidden : shown(c.completed));
    }
    expect(got.some(([, sent]) => !(sent as Cell['sent']).suppressed)).toBe(true);
    expect(got.some(([, , completed]) => !(completed as Cell['completed']).suppressed)).toBe(true);
    expect(got.some(([, sent]) => (sent as Cell['sent']).suppressed)).toBe(true);
  });
});

describe('referralOutcomes: who may read them', () => {
  it.each(['casey', 'pat', 'robin', 'admin'] as const)('refuses %s with FORBIDDEN and a denial event', async (key) => {
    const mark = await r.auditMark();
    const res = await r.as(key, OUTCOMES, { period: { from: '2019-01-01', to: '2019-12-31' } });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toBeNull();
    expect(await r.auditSince(mark)).toEqual([
      expect.objectContaining({ action: 'SEARCH', outcome: 'DENIED', entity_type: 'ReferralOutcome' }),
    ]);
  });

  it("limits an analyst to the referrals of the analyst's own agency", async () => {
    const elsewhere = { staffId: randomUUID(), role: 'ANALYST' as const, organizationId: EASTSIDE_ID };
    const res = await postGraphQL<Outcomes>(
      r.t.url,
      OUTCOMES,
      { period: { from: '2019-01-01', to: '2019-12-31' } },
      internalHeaders(elsewhere, r.t.secret),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.referralOutcomes).toEqual([]);
  });

  it('refuses a period that ends before it starts or spans more than ten years, naming the field', async () => {
    for (const [period, field] of [
      [{ from: '2019-02-01', to: '2019-01-31' }, 'period.from'],
      [{ from: '2000-01-01', to: '2019-01-31' }, 'period'],
    ] as const) {
      const res = await r.as('alex', OUTCOMES, { period });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.field).toBe(field);
    }
  });
});
