/**
 * A client's whole record as a FHIR R4 `Bundle` (type `searchset`), the
 * answer of `GET /fhir/Patient/<clientId>/$everything`. Pure: what the route
 * gathered goes in, the Bundle comes out. Shaped after HL7's Gravity SDOH
 * Clinical Care guide:
 * - the client → `Patient`;
 * - each characteristic ever rated a barrier → one SDOH `Condition`
 *   (categories `health-concern` and the Gravity SDOH category the
 *   characteristic, or else its domain, maps to: SDOH_CATEGORY below),
 *   active while its latest rating is a barrier, resolved once an asset;
 * - goals → `Goal`; referrals → `ServiceRequest` with a `Task` for the
 *   referral's status; consents → `Consent`.
 * Every entry's fullUrl is `urn:uuid:<id>`, and every reference inside the
 * Bundle is such a fullUrl. Organizations and services, which live in the
 * directory, are named by identifier only (logical references).
 */
import { createHash } from 'node:crypto';
import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  Condition,
  Consent,
  FhirResource,
  Goal,
  Identifier,
  Patient,
  Reference,
  ServiceRequest,
  Task,
} from 'fhir/r4';

/** Our own ids as FHIR identifiers: `urn:caseflow:<kind>` systems. */
export const IDENTIFIER_SYSTEM = {
  client: 'urn:caseflow:client',
  organization: 'urn:caseflow:organization',
  goal: 'urn:caseflow:goal',
  referral: 'urn:caseflow:referral',
  service: 'urn:caseflow:service',
  consent: 'urn:caseflow:consent',
  assessmentDomain: 'urn:caseflow:assessment-domain',
  informationKind: 'urn:caseflow:information-kind',
} as const;

export const SDOH_CATEGORY_SYSTEM = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';
export const CONDITION_CATEGORY_SYSTEM = 'http://hl7.org/fhir/us/core/CodeSystem/condition-category';

/** The Gravity SDOH categories (SDOHCC ValueSet SDOH Category) this export uses, with their displays. */
export const SDOH_CATEGORY_DISPLAY = {
  'sdoh-category-unspecified': 'SDOH Category Unspecified',
  'food-insecurity': 'Food Insecurity',
  'housing-instability': 'Housing Instability',
  'transportation-insecurity': 'Transportation Insecurity',
  'financial-insecurity': 'Financial Insecurity',
  'educational-attainment': 'Educational Attainment',
  'employment-status': 'Employment Status',
  'social-connection': 'Social Connection',
} as const;
export type SdohCategory = keyof typeof SDOH_CATEGORY_DISPLAY;

/** A characteristic of the standard checklist that maps to Gravity categories of its own (finer than its domain), by lower-case name. */
export const SDOH_CATEGORY_BY_CHARACTERISTIC: Readonly<Record<string, readonly SdohCategory[]>> = {
  'financial stability': ['financial-insecurity'],
  'food and housing': ['food-insecurity', 'housing-instability'],
  transportation: ['transportation-insecurity'],
  education: ['educational-attainment'],
};

/** A domain's Gravity category, for its characteristics without one of their own; a domain not here is `sdoh-category-unspecified`. */
export const SDOH_CATEGORY_BY_DOMAIN: Readonly<Record<string, SdohCategory>> = {
  SOCIAL_SUPPORT: 'social-connection',
  CAREER_MANAGEMENT: 'employment-status',
  EMPLOYABILITY: 'employment-status',
};

/** The Gravity categories of a barrier: its characteristic's, else its domain's, else `sdoh-category-unspecified`. */
export function sdohCategories(domain: string, characteristic: string): readonly SdohCategory[] {
  return (
    SDOH_CATEGORY_BY_CHARACTERISTIC[characteristic.trim().toLowerCase()] ?? [SDOH_CATEGORY_BY_DOMAIN[domain] ?? 'sdoh-category-unspecified']
  );
}

// ── What goes in ──

export interface FhirClient {
  id: string;
  organizationId: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  /** 'YYYY-MM-DD' */
  dateOfBirth: string | null;
  status: 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';
  contactPhone: string | null;
  contactEmail: string | null;
}

export interface FhirAssessment {
  id: string;
  assessedAt: Date;
  items: Array<{ domain: string; characteristic: string; rating: 'ASSET' | 'BARRIER' | 'NOT_APPLICABLE'; notes: string | null }>;
}

export interface FhirConsent {
  id: string;
  recipientOrganizationId: string;
  scope: readonly string[];
  purpose: string;
  signedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

export type GoalStatus = 'OPEN' | 'ACHIEVED' | 'NOT_ACHIEVED' | 'CANCELLED';

export interface FhirGoal {
  id: string;
  description: string;
  term: 'SHORT' | 'MID' | 'LONG';
  /** 'YYYY-MM-DD' */
  targetDate: string | null;
  status: GoalStatus;
  /** When its plan was made. */
  planCreatedAt: string | null;
}

export type ReferralStatus =
  'DRAFT' | 'SENT' | 'ACCEPTED' | 'DECLINED' | 'WAITLISTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';

export interface FhirReferral {
  id: string;
  status: ReferralStatus;
  urgency: 'ROUTINE' | 'SOON' | 'URGENT';
  need: string;
  createdAt: string;
  sentAt: string | null;
  declineReason: string | null;
  outcome: string | null;
  goalId: string | null;
  organizationId: string | null;
  serviceId: string | null;
  /** The time of its latest status change. */
  lastChangedAt: string | null;
}

export interface FhirRecord {
  client: FhirClient;
  /** In any order. */
  assessments: readonly FhirAssessment[];
  consents: readonly FhirConsent[];
  goals: readonly FhirGoal[];
  referrals: readonly FhirReferral[];
  /** The Bundle's id and time. */
  bundleId: string;
  now: Date;
}

// ── Status maps ──

export const GOAL_LIFECYCLE: Record<GoalStatus, Goal['lifecycleStatus']> = {
  OPEN: 'active',
  ACHIEVED: 'completed',
  NOT_ACHIEVED: 'completed',
  CANCELLED: 'cancelled',
};
const GOAL_ACHIEVEMENT: Record<GoalStatus, string | null> = {
  OPEN: 'in-progress',
  ACHIEVED: 'achieved',
  NOT_ACHIEVED: 'not-achieved',
  CANCELLED: null,
};

export const SERVICE_REQUEST_STATUS: Record<ReferralStatus, ServiceRequest['status']> = {
  DRAFT: 'draft',
  SENT: 'active',
  ACCEPTED: 'active',
  WAITLISTED: 'active',
  IN_PROGRESS: 'active',
  COMPLETED: 'completed',
  DECLINED: 'revoked',
  CANCELLED: 'revoked',
  EXPIRED: 'revoked',
};

export const TASK_STATUS: Record<ReferralStatus, Task['status']> = {
  DRAFT: 'draft',
  SENT: 'requested',
  ACCEPTED: 'accepted',
  WAITLISTED: 'on-hold',
  IN_PROGRESS: 'in-progress',
  COMPLETED: 'completed',
  DECLINED: 'rejected',
  CANCELLED: 'cancelled',
  EXPIRED: 'failed',
};

const PRIORITY: Record<FhirReferral['urgency'], ServiceRequest['priority']> = { ROUTINE: 'routine', SOON: 'urgent', URGENT: 'asap' };

// ── Helpers ──

/** A stable UUID (version 5 layout) for a resource that has no id of its own here: a barrier's Condition, a referral's Task. */
export function derivedUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const urn = (id: string) => `urn:uuid:${id}`;
const ref = (id: string, display?: string): Reference => ({ reference: urn(id), ...(display ? { display } : {}) });
const identifier = (system: string, value: string): Identifier => ({ system, value });
const logical = (system: string, value: string): Reference => ({ identifier: identifier(system, value) });
const text = (value: string): CodeableConcept => ({ text: value });
const instant = (value: Date | string) => new Date(value).toISOString();

// ── Resources ──

export function toPatient(client: FhirClient): Patient {
  const telecom = [
    ...(client.contactPhone ? [{ system: 'phone' as const, value: client.contactPhone }] : []),
    ...(client.contactEmail ? [{ system: 'email' as const, value: client.contactEmail }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: client.id,
    identifier: [identifier(IDENTIFIER_SYSTEM.client, client.id)],
    active: client.status !== 'CLOSED',
    name: [
      { use: 'official', family: client.lastName, given: [client.firstName] },
      ...(client.preferredName ? [{ use: 'usual' as const, family: client.lastName, given: [client.preferredName] }] : []),
    ],
    ...(telecom.length ? { telecom } : {}),
    ...(client.dateOfBirth ? { birthDate: client.dateOfBirth } : {}),
    managingOrganization: logical(IDENTIFIER_SYSTEM.organization, client.organizationId),
  };
}

/**
 * One Condition per characteristic ever rated a barrier (by domain and name):
 * recorded at the first assessment that rated it a barrier; its status is
 * that of its latest rating — a barrier is active, an asset resolved (abated
 * at that assessment), not applicable inactive.
 */
export function toConditions(clientId: string, assessments: readonly FhirAssessment[]): Condition[] {
  const chronological = [...assessments].sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime() || a.id.localeCompare(b.id));
  const seen = new Map<
    string,
    { domain: string; characteristic: string; firstBarrier: Date; latest: FhirAssessment['items'][number]; at: Date; notes: string | null }
  >();
  for (const assessment of chronological) {
    for (const item of assessment.items) {
      const key = `${item.domain}\u0000${item.characteristic.trim().toLowerCase()}`;
      const known = seen.get(key);
      if (!known) {
        if (item.rating === 'BARRIER')
          seen.set(key, {
            domain: item.domain,
            characteristic: item.characteristic,
            firstBarrier: assessment.assessedAt,
            latest: item,
            at: assessment.assessedAt,
            notes: item.notes,
          });
        continue;
      }
      known.latest = item;
      known.at = assessment.assessedAt;
      if (item.rating === 'BARRIER' && item.notes) known.notes = item.notes;
    }
  }
  return [...seen.entries()].map(([key, c]) => {
    const clinical = c.latest.rating === 'BARRIER' ? 'active' : c.latest.rating === 'ASSET' ? 'resolved' : 'inactive';
    return {
      resourceType: 'Condition',
      id: derivedUuid('condition', clientId, key),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: clinical }] },
      verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
      category: [
        { coding: [{ system: CONDITION_CATEGORY_SYSTEM, code: 'health-concern', display: 'Health Concern' }] },
        ...sdohCategories(c.domain, c.characteristic).map((code) => ({
          coding: [{ system: SDOH_CATEGORY_SYSTEM, code, display: SDOH_CATEGORY_DISPLAY[code] }],
        })),
        { coding: [{ system: IDENTIFIER_SYSTEM.assessmentDomain, code: c.domain }] },
      ],
      code: text(c.characteristic),
      subject: ref(clientId),
      onsetDateTime: instant(c.firstBarrier),
      recordedDate: instant(c.firstBarrier),
      ...(clinical === 'resolved' ? { abatementDateTime: instant(c.at) } : {}),
      ...(c.notes ? { note: [{ text: c.notes }] } : {}),
    };
  });
}

export function toGoal(clientId: string, goal: FhirGoal): Goal {
  const achievement = GOAL_ACHIEVEMENT[goal.status];
  return {
    resourceType: 'Goal',
    id: goal.id,
    identifier: [identifier(IDENTIFIER_SYSTEM.goal, goal.id)],
    lifecycleStatus: GOAL_LIFECYCLE[goal.status],
    ...(achievement
      ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: achievement }] } }
      : {}),
    description: text(goal.description),
    subject: ref(clientId),
    ...(goal.planCreatedAt ? { startDate: instant(goal.planCreatedAt).slice(0, 10) } : {}),
    ...(goal.targetDate ? { target: [{ dueDate: goal.targetDate }] } : {}),
    note: [{ text: `${goal.term.toLowerCase()}-term goal` }],
  };
}

export function toServiceRequest(clientId: string, referral: FhirReferral, goalIds: ReadonlySet<string>): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: referral.id,
    identifier: [identifier(IDENTIFIER_SYSTEM.referral, referral.id)],
    status: SERVICE_REQUEST_STATUS[referral.status],
    intent: 'order',
    priority: PRIORITY[referral.urgency],
    ...(referral.serviceId ? { code: { coding: [{ system: IDENTIFIER_SYSTEM.service, code: referral.serviceId }] } } : {}),
    subject: ref(clientId),
    authoredOn: instant(referral.sentAt ?? referral.createdAt),
    ...(referral.organizationId ? { performer: [logical(IDENTIFIER_SYSTEM.organization, referral.organizationId)] } : {}),
    reasonCode: [text(referral.need)],
    ...(referral.goalId
      ? { supportingInfo: [goalIds.has(referral.goalId) ? ref(referral.goalId) : logical(IDENTIFIER_SYSTEM.goal, referral.goalId)] }
      : {}),
  };
}

/** The referral's status as the Task of fulfilling it (Gravity's pattern for a referral's progress). */
export function toTask(clientId: string, referral: FhirReferral): Task {
  return {
    resourceType: 'Task',
    id: derivedUuid('task', referral.id),
    identifier: [identifier(IDENTIFIER_SYSTEM.referral, referral.id)],
    basedOn: [ref(referral.id)],
    status: TASK_STATUS[referral.status],
    ...(referral.declineReason ? { statusReason: text(referral.declineReason) } : {}),
    businessStatus: text(referral.outcome ? `${referral.status}: ${referral.outcome}` : referral.status),
    intent: 'order',
    priority: PRIORITY[referral.urgency],
    code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill', display: 'Fulfill the focal request' }] },
    focus: ref(referral.id),
    for: ref(clientId),
    authoredOn: instant(referral.createdAt),
    lastModified: instant(referral.lastChangedAt ?? referral.sentAt ?? referral.createdAt),
    ...(referral.organizationId ? { owner: logical(IDENTIFIER_SYSTEM.organization, referral.organizationId) } : {}),
  };
}

/** A consent to share: permit, for its period (to the revocation when revoked), to the recipient organization, for the kinds of information in scope. */
export function toConsent(clientId: string, organizationId: string, consent: FhirConsent, now: Date): Consent {
  const ended = (consent.revokedAt && consent.revokedAt.getTime() <= now.getTime()) || consent.expiresAt.getTime() <= now.getTime();
  const end = consent.revokedAt && consent.revokedAt.getTime() < consent.expiresAt.getTime() ? consent.revokedAt : consent.expiresAt;
  return {
    resourceType: 'Consent',
    id: consent.id,
    identifier: [identifier(IDENTIFIER_SYSTEM.consent, consent.id)],
    status: ended ? 'inactive' : 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: ref(clientId),
    dateTime: instant(consent.signedAt),
    organization: [logical(IDENTIFIER_SYSTEM.organization, organizationId)],
    policyRule: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }],
      text: consent.purpose,
    },
    provision: {
      type: 'permit',
      period: { start: instant(consent.signedAt), end: instant(end) },
      actor: [
        {
          role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP' }] },
          reference: logical(IDENTIFIER_SYSTEM.organization, consent.recipientOrganizationId),
        },
      ],
      class: consent.scope.map((kind) => ({ system: IDENTIFIER_SYSTEM.informationKind, code: kind })),
    },
  };
}

/** The whole record as a searchset Bundle: the Patient (a match) first, then everything about it (includes). */
export function toBundle(record: FhirRecord): Bundle {
  const { client } = record;
  const goalIds = new Set(record.goals.map((g) => g.id));
  const resources: FhirResource[] = [
    toPatient(client),
    ...toConditions(client.id, record.assessments),
    ...record.goals.map((g) => toGoal(client.id, g)),
    ...record.referrals.flatMap((r) => [toServiceRequest(client.id, r, goalIds), toTask(client.id, r)]),
    ...record.consents.map((c) => toConsent(client.id, client.organizationId, c, record.now)),
  ];
  const entry: BundleEntry[] = resources.map((resource, i) => ({
    fullUrl: urn(resource.id as string),
    resource,
    search: { mode: i === 0 ? 'match' : 'include' },
  }));
  return {
    resourceType: 'Bundle',
    id: record.bundleId,
    meta: { lastUpdated: instant(record.now) },
    type: 'searchset',
    timestamp: instant(record.now),
    total: 1,
    entry,
  };
}
