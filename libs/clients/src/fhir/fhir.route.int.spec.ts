/**
 * The clients subgraph's FHIR export route (the gateway's side, with every
 * subgraph real and the demo data, is apps/e2e/src/fhir-export.int.spec.ts):
 * who may export (the whole record's rule: 404 to a case manager or supervisor
 * without it, 403 to analysts, partners and admins), the audit of every
 * export (and 503 when it cannot be written), 503 and no Bundle when plans
 * or referrals cannot answer, and the Bundle validating against the R4
 * schema. Plans and referrals are stand-ins answering `_entities`.
 */
import type { Bundle, Goal, ServiceRequest, Task } from 'fhir/r4';
import type { Client as PgClient } from 'pg';
import { FHIR_PATH, INTERNAL_TOKEN_HEADER, verifyInternalToken } from '@caseflow/auth';
import { answerJson, FakePeerServer, fhirSchemaErrors, internalHeaders, unresolvedReferences, withConnection } from '@caseflow/testing';
import { type StaffKey, startClientsTestbed, type ClientsTestbed } from '../testing/testbed';

const plans = new FakePeerServer();
const referrals = new FakePeerServer();
let bed: ClientsTestbed;
let clientId: string;

const GOAL_ID = 'e0000000-0000-4000-8000-0000000000f1';
const REFERRAL_ID = 'f0000000-0000-4000-8000-0000000000f1';
const now = new Date();

function answerPlans(): void {
  plans.handler = (_request, response) =>
    answerJson(response, 200, {
      data: {
        _entities: [
          {
            actionPlans: [
              {
                createdAt: new Date(now.getTime() - 20 * 86_400_000).toISOString(),
                goals: [{ id: GOAL_ID, description: 'Stable housing', term: 'SHORT', targetDate: null, status: 'OPEN' }],
              },
            ],
          },
        ],
      },
    });
}

function answerReferrals(): void {
  referrals.handler = (_request, response) =>
    answerJson(response, 200, {
      data: {
        _entities: [
          {
            referrals: [
              {
                id: REFERRAL_ID,
                status: 'ACCEPTED',
                urgency: 'ROUTINE',
                need: 'Housing',
                createdAt: new Date(now.getTime() - 10 * 86_400_000).toISOString(),
                sentAt: new Date(now.getTime() - 9 * 86_400_000).toISOString(),
                declineReason: null,
                outcome: null,
                goal: { id: GOAL_ID },
                organization: { id: 'a0000000-0000-4000-8000-0000000000f1' },
                service: { id: 'b0000000-0000-4000-8000-0000000000f1' },
                history: [{ at: new Date(now.getTime() - 8 * 86_400_000).toISOString() }],
              },
            ],
          },
        ],
      },
    });
}

beforeAll(async () => {
  const [plansUrl, referralsUrl] = await Promise.all([plans.start(), referrals.start()]);
  bed = await startClientsTestbed(new Date(), { plans: plansUrl, referrals: referralsUrl });
  // A client of Casey's with barriers in the demo data and an active consent to Pat's organization (which still lets Pat export nothing).
  const [row] = await bed.sql<{ id: string }>(
    `SELECT c.id FROM clients.client c
      WHERE c.assigned_case_manager_id = $1
        AND EXISTS (SELECT 1 FROM clients.consent k WHERE k.client_id = c.id AND k.recipient_organization_id = $2
                     AND k.revoked_at IS NULL AND k.expires_at > now())
        AND EXISTS (SELECT 1 FROM clients.needs_assessment a JOIN clients.assessment_item i ON i.assessment_id = a.id
                     WHERE a.client_id = c.id AND i.rating = 'BARRIER')
      ORDER BY c.id LIMIT 1`,
    [bed.staff('casey').id, bed.staff('pat').organizationId],
  );
  clientId = row.id;
});
afterAll(async () => {
  await bed?.stop();
  await Promise.all([plans.stop(), referrals.stop()]);
});
beforeEach(() => {
  plans.reset();
  referrals.reset();
  answerPlans();
  answerReferrals();
});

const actor = (key: StaffKey) => {
  const s = bed.staff(key);
  return { staffId: s.id, role: s.role, organizationId: s.organizationId };
};
const everything = (id: string) => new URL(`${FHIR_PATH}/Patient/${id}/$everything`, bed.t.url).toString();
const exportAs = async (key: StaffKey, id = clientId) =>
  fetch(everything(id), { headers: await internalHeaders(actor(key), bed.t.secret) });
const exportAudits = (outcome: 'ALLOWED' | 'DENIED', id = clientId) =>
  bed.count(
    'audit_event',
    "entity_type = 'Client' AND action = 'READ' AND entity_id = $1 AND outcome = $2 AND detail LIKE 'FHIR export%'",
    [id, outcome],
  );

async function errorOf(response: Response): Promise<{ code: string; field?: string }> {
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string; field?: string } }> };
  return body.errors[0].extensions;
}

/** Runs `work` as the database's owner (past the subgraph's role). */
const superuser = <T>(work: (db: PgClient) => Promise<T>) => withConnection(bed.t.databaseUrl, work);

describe('the FHIR export route of the clients subgraph', () => {
  it('gives the assigned case manager the whole record as a valid R4 searchset Bundle, and audits the export', async () => {
    const before = await exportAudits('ALLOWED');
    const response = await exportAs('casey');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const bundle = (await response.json()) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) expect(fhirSchemaErrors(entry.resource as { resourceType: string })).toEqual([]);
    expect(unresolvedReferences(bundle)).toEqual([]);

    const of = (type: string) => (bundle.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === type);
    expect(of('Patient').map((p) => p?.id)).toEqual([clientId]);
    const [barriers] = await bed.sql<{ n: string }>(
      `SELECT count(DISTINCT (i.domain, lower(trim(i.characteristic)))) AS n FROM clients.needs_assessment a
         JOIN clients.assessment_item i ON i.assessment_id = a.id WHERE a.client_id = $1 AND i.rating = 'BARRIER'`,
      [clientId],
    );
    expect(of('Condition')).toHaveLength(Number(barriers.n));
    expect(of('Consent')).toHaveLength(await bed.count('consent', 'client_id = $1', [clientId]));
    expect((of('Goal') as Goal[]).map((g) => [g.id, g.lifecycleStatus])).toEqual([[GOAL_ID, 'active']]);
    expect((of('ServiceRequest') as ServiceRequest[]).map((s) => [s.id, s.status, s.supportingInfo])).toEqual([
      [REFERRAL_ID, 'active', [{ reference: `urn:uuid:${GOAL_ID}` }]],
    ]);
    expect((of('Task') as Task[]).map((t) => [t.status, t.focus])).toEqual([['accepted', { reference: `urn:uuid:${REFERRAL_ID}` }]]);

    // Plans and referrals were asked once each, as Casey, about this client, with the grant this subgraph signed.
    for (const peer of [plans, referrals]) {
      expect(peer.received).toHaveLength(1);
      const identity = await verifyInternalToken(peer.received[0].headers[INTERNAL_TOKEN_HEADER] as string, bed.t.secret);
      expect(identity.actor.staffId).toBe(bed.staff('casey').id);
      const { variables } = JSON.parse(peer.received[0].body) as {
        variables: { r: Array<{ __typename: string; id: string; accessGrant: string }> };
      };
      expect(variables.r).toEqual([{ __typename: 'Client', id: clientId, accessGrant: expect.any(String) }]);
    }
    expect(await exportAudits('ALLOWED')).toBe(before + 1);
    const [event] = await bed.sql<{ actor_id: string; detail: string }>(
      `SELECT actor_id, detail FROM clients.audit_event WHERE entity_type = 'Client' AND entity_id = $1 AND detail LIKE 'FHIR export%'
        ORDER BY id DESC LIMIT 1`,
      [clientId],
    );
    expect(event.actor_id).toBe(bed.staff('casey').id);
    expect(event.detail).toBe(
      `FHIR export: Patient, ${barriers.n} Condition, 1 Goal, 1 ServiceRequest, 1 Task, ${of('Consent').length} Consent`,
    );
  });

  it("gives the agency's supervisor the export too", async () => {
    const response = await exportAs('sam');
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as Bundle;
    expect(bundle.entry?.[0].resource).toMatchObject({ resourceType: 'Patient', id: clientId });
  });

  it('answers a case manager of another caseload 404, as for a client that does not exist; the refusal is audited, nothing is asked of the peers', async () => {
    const [allowed, denied] = [await exportAudits('ALLOWED'), await exportAudits('DENIED')];
    const response = await exportAs('jordan');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await exportAs('casey', 'c0ffee00-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: 'NOT_FOUND' });
    expect(plans.received).toHaveLength(0);
    expect(referrals.received).toHaveLength(0);
    expect(await exportAudits('ALLOWED')).toBe(allowed);
    expect(await exportAudits('DENIED')).toBe(denied + 1);
  });

  it.each<StaffKey>(['alex', 'pat', 'robin', 'admin'])(
    'refuses %s (analysts, partners, admins never export) with 403, whatever the id',
    async (key) => {
      const [allowed, denied] = [await exportAudits('ALLOWED'), await exportAudits('DENIED')];
      const response = await exportAs(key);
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({ code: 'FORBIDDEN' });
      const unknown = await exportAs(key, 'c0ffee00-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(403);
      expect(plans.received).toHaveLength(0);
      expect(referrals.received).toHaveLength(0);
      expect(await exportAudits('ALLOWED')).toBe(allowed);
      expect(await exportAudits('DENIED')).toBe(denied + 1);
    },
  );

  it('refuses a malformed id with 400 naming clientId, and any other path with 404', async () => {
    const before = await bed.count('audit_event');
    const bad = await exportAs('casey', 'not-a-client');
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toEqual({ code: 'BAD_USER_INPUT', field: 'clientId', requestId: 'test-request' });
    const elsewhere = await fetch(new URL(`${FHIR_PATH}/Patient/${clientId}`, bed.t.url), {
      headers: await internalHeaders(actor('casey'), bed.t.secret),
    });
    expect(elsewhere.status).toBe(404);
    const posted = await fetch(everything(clientId), { method: 'POST', headers: await internalHeaders(actor('casey'), bed.t.secret) });
    expect(posted.status).toBe(404);
    expect(await bed.count('audit_event')).toBe(before);
  });

  it('refuses a caller without a valid internal token before anything is read', async () => {
    const before = await bed.count('audit_event');
    expect((await fetch(everything(clientId))).status).toBe(401);
    expect(plans.received).toHaveLength(0);
    expect(await bed.count('audit_event')).toBe(before);
  });

  it('answers 503 and no Bundle when plans or referrals cannot answer; nothing is audited as exported', async () => {
    const before = await exportAudits('ALLOWED');
    plans.down = true;
    const down = await exportAs('casey');
    expect(down.status).toBe(503);
    expect(down.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await errorOf(down)).toMatchObject({ code: 'UNAVAILABLE' });
    plans.reset();
    answerPlans();
    referrals.handler = (_request, response) =>
      answerJson(response, 200, { data: { _entities: [{ referrals: null }] }, errors: [{ message: 'down' }] });
    const failing = await exportAs('casey');
    expect(failing.status).toBe(503);
    expect(await errorOf(failing)).toMatchObject({ code: 'UNAVAILABLE' });
    expect(await exportAudits('ALLOWED')).toBe(before);
  });

  it('refuses an export whose audit event cannot be written (503, no Bundle), and serves it again once it can', async () => {
    await superuser(async (db) => {
      await db.query(`CREATE FUNCTION clients.test_refuse_fhir_exports() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$`);
      await db.query(`CREATE TRIGGER test_refuse_fhir_exports BEFORE INSERT ON clients.audit_event FOR EACH ROW
        WHEN (NEW.entity_type = 'Client' AND NEW.detail LIKE 'FHIR export%') EXECUTE FUNCTION clients.test_refuse_fhir_exports()`);
    });
    try {
      const refused = await exportAs('casey');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await errorOf(refused)).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await superuser(async (db) => {
        await db.query('DROP TRIGGER test_refuse_fhir_exports ON clients.audit_event');
        await db.query('DROP FUNCTION clients.test_refuse_fhir_exports()');
      });
    }
    expect((await exportAs('casey')).status).toBe(200);
  });
});
