import { NORTHSIDE_ID, demoId } from '@caseflow/demo';
import { errorCodes, monthEnd, monthStart, months } from '@caseflow/testing';
import { startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

let tb: ClientsTestbed;
beforeAll(async () => {
  tb = await startClientsTestbed();
});
afterAll(() => tb?.stop());

const PROFILE = `query($id: ID!) { client(id: $id) { id displayName contactPreference { method phone } } }`;
const CASE_FIELDS = `query($id: ID!) { client(id: $id) { id status } }`;
const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { id status scope expiresAt signedAt recipient { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeConsent(consentId: $id) { id status revokedAt } }`;

const northsideReferrals = () => tb.world.referrals.map((r, i) => ({ r, i })).filter(({ r }) => r.organizationId === NORTHSIDE_ID);
const withConsent = (kind: 'active' | 'expired' | 'revoked') =>
  northsideReferrals().find(({ i }) => (kind === 'expired' ? i % 6 === 4 : kind === 'revoked' ? i % 6 === 5 : i % 6 < 4))!.r.clientId;

describe("a partner's view of a client", () => {
  it('shows the name and contact preference under an active consent covering CONTACT_INFO, and nothing of the case record', async () => {
    const id = withConsent('active');
    const res = await tb.as<{ client: { id: string; displayName: string; contactPreference: { method: string } | null } }>('pat', PROFILE, {
      id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.client.id).toBe(id);
    expect(res.data!.client.contactPreference).not.toBeNull();
    const caseRecord = await tb.as('pat', CASE_FIELDS, { id });
    expect(errorCodes(caseRecord)).toEqual(['FORBIDDEN']);
  });

  it.each(['expired', 'revoked'] as const)('shows nothing once the consent is %s', async (kind) => {
    const res = await tb.as('pat', PROFILE, { id: withConsent(kind) });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    expect(res.data).toEqual({ client: null });
  });

  it("shows nothing without a consent to the partner's organization, and records the denial", async () => {
    const id = tb.world.clients.find((c) => c.status === 'INTAKE')!.id;
    const before = await tb.count('audit_event', `outcome = 'DENIED' AND client_id = $1`, [id]);
    expect(errorCodes(await tb.as('robin', PROFILE, { id: withConsent('active') }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await tb.as('pat', PROFILE, { id }))).toEqual(['FORBIDDEN']);
    expect(await tb.count('audit_event', `outcome = 'DENIED' AND client_id = $1`, [id])).toBe(before + 1);
  });

  it('gains the view when a consent is recorded and loses it the moment it is revoked', async () => {
    const client = tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'INTAKE')!;
    expect(errorCodes(await tb.as('pat', PROFILE, { id: client.id }))).toEqual(['FORBIDDEN']);
    const signedAt = new Date(Date.now() - 60_000).toISOString();
    const recorded = await tb.as<{
      recordConsent: { id: string; status: string; scope: string[]; expiresAt: string; recipient: { id: string } };
    }>('casey', RECORD, {
      input: {
        clientId: client.id,
        recipientOrganizationId: NORTHSIDE_ID,
        scope: ['REFERRAL_DETAILS', 'CONTACT_INFO'],
        purpose: 'Food support referral',
        signedAt,
      },
    });
    expect(recorded.errors).toBeUndefined();
    const consent = recorded.data!.recordConsent;
    expect(consent).toMatchObject({ status: 'ACTIVE', scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'], recipient: { id: NORTHSIDE_ID } });
    const months = (Date.parse(consent.expiresAt) - Date.parse(signedAt)) / 86_400_000;
    expect(months).toBeGreaterThanOrEqual(89);
    expect(months).toBeLessThanOrEqual(92);
    expect((await tb.as<{ client: { id: string } }>('pat', PROFILE, { id: client.id })).data!.client.id).toBe(client.id);

    const revoked = await tb.as<{ revokeConsent: { status: string } }>('casey', REVOKE, { id: consent.id });
    expect(revoked.data!.revokeConsent.status).toBe('REVOKED');
    expect(errorCodes(await tb.as('pat', PROFILE, { id: client.id }))).toEqual(['FORBIDDEN']);
    const again = await tb.as('casey', REVOKE, { id: consent.id });
    expect(errorCodes(again)).toEqual(['INVALID_TRANSITION']);
  });
});

describe('recording consent', () => {
  const client = () => tb.world.clients.find((c) => c.caseManagerId === tb.staff('casey').id && c.status === 'ACTIVE')!;
  const base = () => ({
    clientId: client().id,
    recipientOrganizationId: NORTHSIDE_ID,
    scope: ['CONTACT_INFO'],
    purpose: 'Referral',
    signedAt: new Date(Date.now() - 1000).toISOString(),
  });

  it.each([
    [{ scope: [] }, 'input.scope', 'BAD_USER_INPUT'],
    [{ scope: ['CONTACT_INFO', 'CONTACT_INFO'] }, 'input.scope', 'BAD_USER_INPUT'],
    [{ purpose: ' ' }, 'input.purpose', 'BAD_USER_INPUT'],
    [{ expiresAt: '2001-01-01T00:00:00Z' }, 'input.expiresAt', 'BAD_USER_INPUT'],
    [{ signedAt: '2999-01-01T00:00:00Z' }, 'input.signedAt', 'BAD_USER_INPUT'],
    [{ recipientOrganizationId: 'x' }, 'input.recipientOrganizationId', 'BAD_USER_INPUT'],
    [{ recipientOrganizationId: demoId('organization', 'nowhere') }, 'input.recipientOrganizationId', 'BAD_USER_INPUT'],
  ])('refuses bad input %# naming the field, recording nothing', async (change, field, code) => {
    const before = await tb.count('consent');
    const res = await tb.as('casey', RECORD, { input: { ...base(), ...change } });
    expect(errorCodes(res)).toEqual([code]);
    expect(res.errors![0].extensions!.field).toBe(field);
    expect(await tb.count('consent')).toBe(before);
  });

  it('refuses other case managers, partners, analysts and admins', async () => {
    const before = await tb.count('consent');
    for (const key of ['jordan', 'pat', 'alex', 'admin'] as const)
      expect({ key, codes: errorCodes(await tb.as(key, RECORD, { input: base() })) }).toEqual({ key, codes: ['FORBIDDEN'] });
    expect(await tb.count('consent')).toBe(before);
  });
});

describe('analysts and admins', () => {
  it('get no client record by any path', async () => {
    const id = tb.world.clients[0].id;
    for (const key of ['alex', 'admin'] as const) {
      expect(errorCodes(await tb.as(key, PROFILE, { id }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await tb.as(key, `{ clients(first: 5) { totalCount } }`))).toEqual(['FORBIDDEN']);
      const refs = await tb.as<{ _entities: unknown[] }>(
        key,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Client { id displayName } } }`,
        { r: [{ __typename: 'Client', id }] },
      );
      expect(refs.data!._entities).toEqual([null]);
    }
  });
});

describe('case outcomes', () => {
  const OUTCOMES = `query($p: DateRangeInput!) { caseOutcomes(period: $p) { outcome program month closed { count suppressed } } }`;
  type Cells = { caseOutcomes: Array<{ outcome: string; month: string; closed: { count: number | null; suppressed: boolean } }> };

  it('counts closures per outcome and month for analysts and supervisors, suppressing cells under 11', async () => {
    const period = months(-13, 0);
    const res = await tb.as<Cells>('alex', OUTCOMES, { p: period });
    expect(res.errors).toBeUndefined();
    const expected = new Map<string, number>();
    for (const c of tb.world.closures) {
      const key = `${c.outcome}|${c.at.toISOString().slice(0, 7)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    for (const cell of res.data!.caseOutcomes) {
      const n = expected.get(`${cell.outcome}|${cell.month}`) ?? 0;
      // Shown: the seed's count; under 11: hidden (and others may be hidden to protect it).
      const closed = n >= 11 && !cell.closed.suppressed ? { count: n, suppressed: false } : { count: null, suppressed: true };
      expect({ cell: `${cell.outcome}|${cell.month}`, closed: cell.closed }).toEqual({ cell: `${cell.outcome}|${cell.month}`, closed });
    }
    expect(res.data!.caseOutcomes.some((c) => !c.closed.suppressed)).toBe(true);
    expect(res.data!.caseOutcomes.some((c) => c.closed.suppressed)).toBe(true);
    expect((await tb.as<Cells>('sam', OUTCOMES, { p: period })).data!.caseOutcomes).toEqual(res.data!.caseOutcomes);
  });

  it('suppresses at 10 and shows at 11', async () => {
    const month = '2019-03';
    const closer = tb.staff('casey').id;
    const ids = tb.world.clients
      .filter((c) => c.status === 'CLOSED')
      .slice(0, 11)
      .map((c) => c.id);
    const at = `${month}-10T12:00:00Z`;
    await tb.sql(
      `INSERT INTO clients.case_event (client_id, kind, from_status, to_status, at, actor_id, outcome) SELECT unnest($1::uuid[]), 'CLOSED', 'ACTIVE', 'CLOSED', $2, $3, 'MOVED'`,
      [ids.slice(0, 10), at, closer],
    );
    const period = { from: `${month}-01`, to: `${month}-31` };
    expect((await tb.as<Cells>('alex', OUTCOMES, { p: period })).data!.caseOutcomes.map((c) => c.closed)).toEqual([
      { count: null, suppressed: true },
    ]);
    await tb.sql(
      `INSERT INTO clients.case_event (client_id, kind, from_status, to_status, at, actor_id, outcome) VALUES ($1, 'CLOSED', 'ACTIVE', 'CLOSED', $2, $3, 'MOVED')`,
      [ids[10], at, closer],
    );
    expect((await tb.as<Cells>('alex', OUTCOMES, { p: period })).data!.caseOutcomes.map((c) => c.closed)).toEqual([
      { count: 11, suppressed: false },
    ]);
  });

  it('refuses case managers, partners and admins, and a period that ends before it starts', async () => {
    const p = months(-11, 0);
    for (const key of ['casey', 'pat', 'admin'] as const) expect(errorCodes(await tb.as(key, OUTCOMES, { p }))).toEqual(['FORBIDDEN']);
    const bad = await tb.as('alex', OUTCOMES, { p: { from: monthStart(0), to: monthEnd(-1) } });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.field).toBe('period.from');
  });
});
