import type { Condition, Consent, Goal, ServiceRequest, Task } from 'fhir/r4';
import { fhirSchemaErrors, unresolvedReferences } from '@caseflow/testing';
import { STANDARD_CHECKLIST } from '../assessment/checklist';
import {
  derivedUuid,
  type FhirRecord,
  type FhirReferral,
  GOAL_LIFECYCLE,
  SDOH_CATEGORY_DISPLAY,
  SDOH_CATEGORY_SYSTEM,
  sdohCategories,
  SERVICE_REQUEST_STATUS,
  TASK_STATUS,
  toBundle,
  toConditions,
  toConsent,
  toGoal,
  toServiceRequest,
  toTask,
} from './fhir.mapper';

// Times are counted from now: nothing here depends on a date of the calendar.
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const CLIENT = 'c0000000-0000-4000-8000-000000000001';
const ORG = 'a0000000-0000-4000-8000-000000000001';
const PARTNER = 'a0000000-0000-4000-8000-000000000002';

const referral = (over: Partial<FhirReferral> = {}): FhirReferral => ({
  id: 'f0000000-0000-4000-8000-000000000001',
  status: 'ACCEPTED',
  urgency: 'SOON',
  need: 'Stable housing',
  createdAt: daysAgo(20).toISOString(),
  sentAt: daysAgo(19).toISOString(),
  declineReason: null,
  outcome: null,
  goalId: 'e0000000-0000-4000-8000-000000000001',
  organizationId: PARTNER,
  serviceId: 'b0000000-0000-4000-8000-000000000001',
  lastChangedAt: daysAgo(18).toISOString(),
  ...over,
});

function record(): FhirRecord {
  return {
    client: {
      id: CLIENT,
      organizationId: ORG,
      firstName: 'Ana',
      lastName: 'Ruiz',
      preferredName: 'Annie',
      dateOfBirth: '1990-04-02',
      status: 'ACTIVE',
      contactPhone: '+1 555 0100',
      contactEmail: 'ana@example.org',
    },
    assessments: [
      {
        id: 'd0000000-0000-4000-8000-000000000002',
        assessedAt: daysAgo(10),
        items: [
          { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Transportation', rating: 'ASSET', notes: null },
          { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Food and housing', rating: 'BARRIER', notes: 'Shelter stay' },
          { domain: 'SOCIAL_SUPPORT', characteristic: 'Supportive family', rating: 'NOT_APPLICABLE', notes: null },
        ],
      },
      {
        id: 'd0000000-0000-4000-8000-000000000001',
        assessedAt: daysAgo(40),
        items: [
          { domain: 'PERSONAL_CIRCUMSTANCES', characteristic: 'Transportation', rating: 'BARRIER', notes: 'No bus pass' },
          { domain: 'SOCIAL_SUPPORT', characteristic: 'Supportive family', rating: 'BARRIER', notes: null },
          { domain: 'PERSONAL_HEALTH', characteristic: 'General health', rating: 'ASSET', notes: null },
        ],
      },
    ],
    consents: [
      {
        id: '90000000-0000-4000-8000-000000000001',
        recipientOrganizationId: PARTNER,
        scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
        purpose: 'Housing referral',
        signedAt: daysAgo(30),
        expiresAt: new Date(now.getTime() + 300 * 86_400_000),
        revokedAt: null,
      },
      {
        id: '90000000-0000-4000-8000-000000000002',
        recipientOrganizationId: PARTNER,
        scope: ['ASSESSMENTS'],
        purpose: 'Assessment sharing',
        signedAt: daysAgo(60),
        expiresAt: new Date(now.getTime() + 300 * 86_400_000),
        revokedAt: daysAgo(5),
      },
    ],
    goals: [
      {
        id: 'e0000000-0000-4000-8000-000000000001',
        description: 'Move into stable housing',
        term: 'SHORT',
        targetDate: '2031-01-15',
        status: 'OPEN',
        planCreatedAt: daysAgo(25).toISOString(),
      },
      {
        id: 'e0000000-0000-4000-8000-000000000002',
        description: 'Get a job',
        term: 'LONG',
        targetDate: null,
        status: 'ACHIEVED',
        planCreatedAt: null,
      },
    ],
    referrals: [
      referral(),
      referral({ id: 'f0000000-0000-4000-8000-000000000002', status: 'DECLINED', declineReason: 'Full', goalId: null }),
    ],
    bundleId: '80000000-0000-4000-8000-000000000001',
    now,
  };
}

describe('FHIR export mapper', () => {
  it('builds a searchset Bundle whose every entry and the Bundle itself validate against the R4 JSON Schema, references resolving', () => {
    const bundle = toBundle(record());
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1, id: '80000000-0000-4000-8000-000000000001' });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id}`);
      expect(fhirSchemaErrors(entry.resource as { resourceType: string })).toEqual([]);
    }
    expect(unresolvedReferences(bundle)).toEqual([]);
    expect(bundle.entry?.map((e) => [e.resource?.resourceType, e.search?.mode])).toEqual([
      ['Patient', 'match'],
      ['Condition', 'include'],
      ['Condition', 'include'],
      ['Condition', 'include'],
      ['Goal', 'include'],
      ['Goal', 'include'],
      ['ServiceRequest', 'include'],
      ['Task', 'include'],
      ['ServiceRequest', 'include'],
      ['Task', 'include'],
      ['Consent', 'include'],
      ['Consent', 'include'],
    ]);
  });

  it('the schema check catches what is not R4 (a misspelt field, a bad date, a dangling reference)', () => {
    const bundle = toBundle(record());
    const patient = { ...bundle.entry?.[0].resource, birthDate: '1990-13-40', nmae: [] } as { resourceType: string };
    expect(fhirSchemaErrors(patient).join('\n')).toMatch(/nmae[\s\S]*birthDate|birthDate[\s\S]*nmae/);
    const dangling = { ...bundle, entry: bundle.entry?.slice(1) };
    expect(unresolvedReferences(dangling)).toContain(`urn:uuid:${CLIENT}`);
  });

  it('maps the client to a Patient: names, birth date, telecom, our id as identifier, the agency as a logical reference', () => {
    const [patient] = toBundle(record()).entry ?? [];
    expect(patient.resource).toEqual({
      resourceType: 'Patient',
      id: CLIENT,
      identifier: [{ system: 'urn:caseflow:client', value: CLIENT }],
      active: true,
      name: [
        { use: 'official', family: 'Ruiz', given: ['Ana'] },
        { use: 'usual', family: 'Ruiz', given: ['Annie'] },
      ],
      telecom: [
        { system: 'phone', value: '+1 555 0100' },
        { system: 'email', value: 'ana@example.org' },
      ],
      birthDate: '1990-04-02',
      managingOrganization: { identifier: { system: 'urn:caseflow:organization', value: ORG } },
    });
    const closed = toBundle({
      ...record(),
      client: { ...record().client, status: 'CLOSED', preferredName: null, contactPhone: null, contactEmail: null, dateOfBirth: null },
    });
    expect(closed.entry?.[0].resource).toEqual({
      resourceType: 'Patient',
      id: CLIENT,
      identifier: [{ system: 'urn:caseflow:client', value: CLIENT }],
      active: false,
      name: [{ use: 'official', family: 'Ruiz', given: ['Ana'] }],
      managingOrganization: { identifier: { system: 'urn:caseflow:organization', value: ORG } },
    });
  });

  it('one SDOH Condition per characteristic ever a barrier: active while a barrier, resolved once an asset, inactive when not applicable', () => {
    const conditions = toConditions(CLIENT, record().assessments);
    const byName = new Map(conditions.map((c) => [c.code?.text, c]));
    expect([...byName.keys()].sort()).toEqual(['Food and housing', 'Supportive family', 'Transportation']);
    const transport = byName.get('Transportation') as Condition;
    expect(transport).toMatchObject({
      id: derivedUuid('condition', CLIENT, 'PERSONAL_CIRCUMSTANCES\u0000transportation'),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }] },
      subject: { reference: `urn:uuid:${CLIENT}` },
      recordedDate: daysAgo(40).toISOString(),
      onsetDateTime: daysAgo(40).toISOString(),
      abatementDateTime: daysAgo(10).toISOString(),
      note: [{ text: 'No bus pass' }],
    });
    expect(transport.category).toEqual([
      {
        coding: [
          { system: 'http://hl7.org/fhir/us/core/CodeSystem/condition-category', code: 'health-concern', display: 'Health Concern' },
        ],
      },
      { coding: [{ system: SDOH_CATEGORY_SYSTEM, code: 'transportation-insecurity', display: 'Transportation Insecurity' }] },
      { coding: [{ system: 'urn:caseflow:assessment-domain', code: 'PERSONAL_CIRCUMSTANCES' }] },
    ]);
    const food = byName.get('Food and housing') as Condition;
    expect(food.clinicalStatus?.coding?.[0].code).toBe('active');
    expect(food.abatementDateTime).toBeUndefined();
    expect(food.recordedDate).toBe(daysAgo(10).toISOString());
    expect(food.category?.map((c) => c.coding?.[0].code)).toEqual([
      'health-concern',
      'food-insecurity',
      'housing-instability',
      'PERSONAL_CIRCUMSTANCES',
    ]);
    const family = byName.get('Supportive family') as Condition;
    expect(family.clinicalStatus?.coding?.[0].code).toBe('inactive');
    expect(family.category?.[1].coding?.[0].code).toBe('social-connection');
    // The same inputs give the same ids: a re-export names the same Conditions.
    expect(toConditions(CLIENT, record().assessments).map((c) => c.id)).toEqual(conditions.map((c) => c.id));
    expect(toConditions(CLIENT, [])).toEqual([]);
  });

  it('maps every characteristic of the standard checklist to a Gravity category, its own before its domain, else unspecified', () => {
    const table = Object.entries(STANDARD_CHECKLIST).flatMap(([domain, names]) =>
      names.map((n) => `${domain} / ${n} → ${sdohCategories(domain, n).join(' + ')}`),
    );
    expect(table).toContain("CERTIFICATES_LICENSES / Driver's license → sdoh-category-unspecified");
    expect(table).toContain('CERTIFICATES_LICENSES / Education → educational-attainment');
    expect(table).toContain('PERSONAL_CIRCUMSTANCES / Financial stability → financial-insecurity');
    expect(table).toContain('PERSONAL_CIRCUMSTANCES / Food and housing → food-insecurity + housing-instability');
    expect(table).toContain('PERSONAL_CIRCUMSTANCES / Childcare → sdoh-category-unspecified');
    expect(table).toContain('PERSONAL_CIRCUMSTANCES / Transportation → transportation-insecurity');
    expect(table).toContain('PERSONAL_HEALTH / Mental health → sdoh-category-unspecified');
    expect(table).toContain('ATTITUDES / Desire to work → sdoh-category-unspecified');
    expect(table).toContain('SOCIAL_SUPPORT / Supportive friends → social-connection');
    expect(table).toContain('CAREER_MANAGEMENT / Resume → employment-status');
    expect(table).toContain('EMPLOYABILITY / Punctuality → employment-status');
    expect(sdohCategories('OTHER', 'Anything else')).toEqual(['sdoh-category-unspecified']);
    // A custom characteristic takes its domain's category; names match whatever their case and spaces.
    expect(sdohCategories('EMPLOYABILITY', 'Forklift licence')).toEqual(['employment-status']);
    expect(sdohCategories('PERSONAL_CIRCUMSTANCES', '  TRANSPORTATION ')).toEqual(['transportation-insecurity']);
    for (const code of Object.keys(SDOH_CATEGORY_DISPLAY)) expect(code).toMatch(/^[a-z-]+$/);
  });

  it('maps goals: status to lifecycle and achievement, the target date, the plan start', () => {
    const [open, achieved] = record().goals;
    expect(toGoal(CLIENT, open)).toEqual<Goal>({
      resourceType: 'Goal',
      id: open.id,
      identifier: [{ system: 'urn:caseflow:goal', value: open.id }],
      lifecycleStatus: 'active',
      achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: 'in-progress' }] },
      description: { text: 'Move into stable housing' },
      subject: { reference: `urn:uuid:${CLIENT}` },
      startDate: daysAgo(25).toISOString().slice(0, 10),
      target: [{ dueDate: '2031-01-15' }],
      note: [{ text: 'short-term goal' }],
    });
    expect(toGoal(CLIENT, achieved)).toMatchObject({ lifecycleStatus: 'completed', achievementStatus: { coding: [{ code: 'achieved' }] } });
    expect(toGoal(CLIENT, { ...achieved, status: 'NOT_ACHIEVED' }).achievementStatus?.coding?.[0].code).toBe('not-achieved');
    const cancelled = toGoal(CLIENT, { ...achieved, status: 'CANCELLED' });
    expect(cancelled.lifecycleStatus).toBe('cancelled');
    expect(cancelled.achievementStatus).toBeUndefined();
    expect(GOAL_LIFECYCLE).toEqual({ OPEN: 'active', ACHIEVED: 'completed', NOT_ACHIEVED: 'completed', CANCELLED: 'cancelled' });
  });

  it('maps a referral to a ServiceRequest and a Task for its status, linked to the goal in the Bundle', () => {
    const r = referral();
    const request = toServiceRequest(CLIENT, r, new Set([r.goalId as string]));
    expect(request).toEqual<ServiceRequest>({
      resourceType: 'ServiceRequest',
      id: r.id,
      identifier: [{ system: 'urn:caseflow:referral', value: r.id }],
      status: 'active',
      intent: 'order',
      priority: 'urgent',
      code: { coding: [{ system: 'urn:caseflow:service', code: r.serviceId as string }] },
      subject: { reference: `urn:uuid:${CLIENT}` },
      authoredOn: r.sentAt as string,
      performer: [{ identifier: { system: 'urn:caseflow:organization', value: PARTNER } }],
      reasonCode: [{ text: 'Stable housing' }],
      supportingInfo: [{ reference: `urn:uuid:${r.goalId}` }],
    });
    // A goal that is not in the Bundle is named by identifier, never by a reference that would not resolve.
    expect(toServiceRequest(CLIENT, r, new Set()).supportingInfo).toEqual([
      { identifier: { system: 'urn:caseflow:goal', value: r.goalId } },
    ]);
    const task = toTask(CLIENT, referral({ status: 'COMPLETED', outcome: 'SERVICE_PROVIDED' }));
    expect(task).toMatchObject<Partial<Task>>({
      resourceType: 'Task',
      id: derivedUuid('task', r.id),
      status: 'completed',
      businessStatus: { text: 'COMPLETED: SERVICE_PROVIDED' },
      intent: 'order',
      focus: { reference: `urn:uuid:${r.id}` },
      basedOn: [{ reference: `urn:uuid:${r.id}` }],
      for: { reference: `urn:uuid:${CLIENT}` },
      lastModified: r.lastChangedAt as string,
    });
    expect(toTask(CLIENT, referral({ status: 'DECLINED', declineReason: 'Full' })).statusReason).toEqual({ text: 'Full' });
    // Each referral status: the ServiceRequest's status, the Task's.
    const statuses = [
      ['DRAFT', 'draft', 'draft'],
      ['SENT', 'active', 'requested'],
      ['ACCEPTED', 'active', 'accepted'],
      ['WAITLISTED', 'active', 'on-hold'],
      ['IN_PROGRESS', 'active', 'in-progress'],
      ['COMPLETED', 'completed', 'completed'],
      ['DECLINED', 'revoked', 'rejected'],
      ['CANCELLED', 'revoked', 'cancelled'],
      ['EXPIRED', 'revoked', 'failed'],
    ];
    expect(SERVICE_REQUEST_STATUS).toEqual(Object.fromEntries(statuses.map(([status, request]) => [status, request])));
    expect(TASK_STATUS).toEqual(Object.fromEntries(statuses.map(([status, , task]) => [status, task])));
    // Every status of both maps validates.
    for (const status of Object.keys(TASK_STATUS) as FhirReferral['status'][]) {
      expect(fhirSchemaErrors(toTask(CLIENT, referral({ status })))).toEqual([]);
      expect(fhirSchemaErrors(toServiceRequest(CLIENT, referral({ status }), new Set()))).toEqual([]);
    }
  });

  it('maps consents: permit for their period to the recipient, the scope as classes; revoked or expired ones inactive, ending at the revocation', () => {
    const [active, revoked] = record().consents;
    expect(toConsent(CLIENT, ORG, active, now)).toEqual<Consent>({
      resourceType: 'Consent',
      id: active.id,
      identifier: [{ system: 'urn:caseflow:consent', value: active.id }],
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
      patient: { reference: `urn:uuid:${CLIENT}` },
      dateTime: active.signedAt.toISOString(),
      organization: [{ identifier: { system: 'urn:caseflow:organization', value: ORG } }],
      policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }], text: 'Housing referral' },
      provision: {
        type: 'permit',
        period: { start: active.signedAt.toISOString(), end: active.expiresAt.toISOString() },
        actor: [
          {
            role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
            reference: { identifier: { system: 'urn:caseflow:organization', value: PARTNER } },
          },
        ],
        class: [
          { system: 'urn:caseflow:information-kind', code: 'CONTACT_INFO' },
          { system: 'urn:caseflow:information-kind', code: 'REFERRAL_DETAILS' },
        ],
      },
    });
    const gone = toConsent(CLIENT, ORG, revoked, now);
    expect(gone.status).toBe('inactive');
    expect(gone.provision?.period?.end).toBe(daysAgo(5).toISOString());
    const expired = toConsent(CLIENT, ORG, { ...active, expiresAt: daysAgo(1) }, now);
    expect(expired.status).toBe('inactive');
    expect(expired.provision?.period?.end).toBe(daysAgo(1).toISOString());
  });
});
