/**
 * The FHIR R4 export through the real gateway, every subgraph real, on the
 * demo data: `GET /fhir/Patient/<clientId>/$everything` with a bearer token.
 * A demo client with barriers, goals, referrals and consents exports as a
 * searchset Bundle that validates against the official R4 JSON Schema, its
 * references resolving, and matching what the record holds; the refusals
 * (401, 403, 404, 400) come back through the gateway unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4';
import { REQUEST_ID_HEADER } from '@caseflow/auth';
import { createDashboardServer } from '@caseflow/platform';
import { fhirSchemaErrors, unresolvedReferences } from '@caseflow/testing';
import { type StaffKey, startTestStack, type TestStack } from './harness';

let stack: TestStack;
let clientId: string;
beforeAll(async () => {
  stack = await startTestStack({ production: true });
  // A demo client of Casey's with all four parts: barriers, goals, referrals and consents.
  const [row] = await stack.sql<{ id: string }>(
    `SELECT c.id FROM clients.client c
      WHERE c.assigned_case_manager_id = $1
        AND EXISTS (SELECT 1 FROM clients.consent k WHERE k.client_id = c.id)
        AND EXISTS (SELECT 1 FROM clients.needs_assessment a JOIN clients.assessment_item i ON i.assessment_id = a.id
                     WHERE a.client_id = c.id AND i.rating = 'BARRIER')
        AND EXISTS (SELECT 1 FROM plans.action_plan p JOIN plans.goal g ON g.plan_id = p.id WHERE p.client_id = c.id)
        AND EXISTS (SELECT 1 FROM referrals.referral r WHERE r.client_id = c.id)
      ORDER BY c.id LIMIT 1`,
    [stack.staff('casey').id],
  );
  clientId = row.id;
});
afterAll(() => stack?.stop());

const everything = (id: string) => new URL(`/fhir/Patient/${id}/$everything`, stack.gatewayBaseUrl);
const exportAs = async (key: StaffKey | null, id = clientId) =>
  fetch(everything(id), { headers: key ? { authorization: `Bearer ${await stack.issuer.token(stack.actor(key))}` } : {} });
const exportAudits = async () =>
  Number(
    (
      await stack.sql<{ n: string }>(
        `SELECT count(*) AS n FROM clients.audit_event WHERE entity_type = 'Client' AND entity_id = $1 AND outcome = 'ALLOWED' AND detail LIKE 'FHIR export%'`,
        [clientId],
      )
    )[0].n,
  );
const count = async (query: string) => Number((await stack.sql<{ n: string }>(query, [clientId]))[0].n);

describe('the FHIR export through the gateway', () => {
  it('exports a demo client with barriers, goals, referrals and consents as a Bundle that validates against the R4 JSON Schema', async () => {
    expect(clientId).toBeDefined();
    const before = await exportAudits();
    const response = await exportAs('casey');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get(REQUEST_ID_HEADER)).toBeTruthy();
    const bundle = (await response.json()) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id}`);
      expect(fhirSchemaErrors(entry.resource as FhirResource)).toEqual([]);
    }
    expect(unresolvedReferences(bundle)).toEqual([]);

    const counts: Record<string, number> = {};
    for (const e of bundle.entry ?? []) counts[e.resource?.resourceType ?? ''] = (counts[e.resource?.resourceType ?? ''] ?? 0) + 1;
    const referrals = await count('SELECT count(*) AS n FROM referrals.referral WHERE client_id = $1');
    expect(counts).toEqual({
      Patient: 1,
      Condition: await count(
        `SELECT count(DISTINCT (i.domain, lower(trim(i.characteristic)))) AS n FROM clients.needs_assessment a
           JOIN clients.assessment_item i ON i.assessment_id = a.id WHERE a.client_id = $1 AND i.rating = 'BARRIER'`,
      ),
      Goal: await count('SELECT count(*) AS n FROM plans.goal g JOIN plans.action_plan p ON p.id = g.plan_id WHERE p.client_id = $1'),
      ServiceRequest: referrals,
      Task: referrals,
      Consent: await count('SELECT count(*) AS n FROM clients.consent WHERE client_id = $1'),
    });
    for (const type of ['Condition', 'Goal', 'ServiceRequest', 'Consent']) expect(counts[type]).toBeGreaterThan(0);
    const sdoh = (bundle.entry ?? [])
      .map((e) => e.resource)
      .filter((r) => r?.resourceType === 'Condition')
      .flatMap((c) => (c as { category?: Array<{ coding?: Array<{ system?: string; code?: string }> }> }).category ?? [])
      .flatMap((c) => c.coding ?? [])
      .filter((c) => c.system === 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes');
    expect(sdoh.length).toBeGreaterThanOrEqual(counts.Condition);
    expect(await exportAudits()).toBe(before + 1);
  });

  it('refuses through the gateway: no token 401, analyst and partner 403, another caseload 404, unknown 404, a bad id 400 naming clientId', async () => {
    const before = await exportAudits();
    const code = async (response: Response) =>
      ((await response.json()) as { errors: Array<{ extensions: { code: string; field?: string } }> }).errors[0].extensions;
    const anonymous = await exportAs(null);
    expect(anonymous.status).toBe(401);
    expect(await code(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const key of ['alex', 'pat'] as const) {
      const refused = await exportAs(key);
      expect(refused.status).toBe(403);
      expect(await code(refused)).toMatchObject({ code: 'FORBIDDEN' });
    }
    const other = await exportAs('jordan');
    expect(other.status).toBe(404);
    expect(await code(other)).toMatchObject({ code: 'NOT_FOUND' });
    const unknown = await exportAs('casey', 'c0ffee00-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    for (const bad of ['not-a-client', 'a.b']) {
      const refused = await exportAs('casey', bad);
      expect(refused.status).toBe(400);
      expect(await code(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clientId' });
    }
    const elsewhere = await fetch(new URL(`/fhir/Patient/${clientId}`, stack.gatewayBaseUrl), {
      headers: { authorization: `Bearer ${await stack.issuer.token(stack.actor('casey'))}` },
    });
    expect(elsewhere.status).toBe(404);
    expect(await exportAudits()).toBe(before);
  });

  it("downloads through the dashboard's server too (it passes /fhir to the gateway), so that a browser's download works", async () => {
    // The dashboard server needs only an index.html to start; what it serves here is the pass-through.
    const distDir = mkdtempSync(join(tmpdir(), 'caseflow-fhir-dashboard-'));
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Caseflow</title>');
    const dashboard = createDashboardServer({ distDir, gatewayBaseUrl: stack.gatewayBaseUrl });
    const port = await dashboard.listen(0, '127.0.0.1');
    try {
      const url = `http://127.0.0.1:${port}/fhir/Patient/${clientId}/$everything`;
      const response = await fetch(url, { headers: { authorization: `Bearer ${await stack.issuer.token(stack.actor('sam'))}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="patient-${clientId}.fhir.json"`);
      const bundle = (await response.json()) as Bundle;
      expect(bundle.entry?.[0].resource).toMatchObject({ resourceType: 'Patient', id: clientId });
      expect(fhirSchemaErrors(bundle)).toEqual([]);
      expect((await fetch(url)).status).toBe(401);
    } finally {
      await dashboard.stop();
      rmSync(distDir, { recursive: true, force: true });
    }
  });
});
