/**
 * The users' operations the benchmark runs — the project's copies of the
 * contract (apps/e2e/src/contract/*.graphql), unchanged — and the people and
 * things it runs them with, read from the benchmark database: case managers
 * and their clients, partners and the services of their organizations,
 * analysts, and places and words to search the directory with. Tokens are
 * real bearer tokens of the development issuer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionNode, Kind, parse, print } from 'graphql';
import { Client } from 'pg';
import { type Actor, type Role, mintBearerToken } from '@caseflow/auth';
import { BENCH_EMAIL_DOMAIN, HARBOUR_TIME_ZONE } from '@caseflow/clients-seed';
import { atWallTime, localDay } from '@caseflow/core';
import { ROOT } from '../lib/local';

const CONTRACT_DIR = join(ROOT, 'apps', 'e2e', 'src', 'contract');

/** One operation of a contract file, as a document of its own with the fragments it uses (as apps/e2e/src/contract.ts does). */
export function operation(file: string, name?: string): string {
  const document = parse(readFileSync(join(CONTRACT_DIR, `${file}.graphql`), 'utf8'));
  const keep = (d: DefinitionNode) =>
    d.kind === Kind.FRAGMENT_DEFINITION || (d.kind === Kind.OPERATION_DEFINITION && (!name || d.name?.value === name));
  const definitions = document.definitions.filter(keep);
  if (!definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) throw new Error(`no operation ${name} in ${file}.graphql`);
  return print({ ...document, definitions });
}

export interface StaffRow {
  id: string;
  email: string;
  role: Role;
  organizationId: string;
}

export interface SearchSample {
  word: string;
  termId: string;
  latitude: number;
  longitude: number;
}

export interface Fixtures {
  caseManagers: StaffRow[];
  partners: StaffRow[];
  analysts: StaffRow[];
  clientsOf: Map<string, string[]>;
  /** Services of each partner organization (for referrals a partner will answer). */
  servicesOf: Map<string, Array<{ id: string; serviceAtLocationId: string | null }>>;
  searches: SearchSample[];
  /** The instant searches ask about (`openAt`). */
  openAt: string;
}

/**
 * The coming Wednesday at 10:30 in the agencies' time zone: the hour a case
 * manager searches for help that is open, and the same answer whatever the
 * hour the benchmark runs (asking about "now" at night finds almost nothing
 * open, and a search with no hits reads nothing more).
 */
export function officeHours(now: Date): string {
  const today = localDay(now, HARBOUR_TIME_ZONE);
  const noon = Date.parse(`${today}T12:00:00Z`);
  const ahead = (3 - new Date(noon).getUTCDay() + 7) % 7 || 7;
  return atWallTime(new Date(noon + ahead * 86_400_000).toISOString().slice(0, 10), '10:30', HARBOUR_TIME_ZONE).toISOString();
}

/** Reads who and what the benchmark runs with (the generated staff, @bench.caseflow). */
export async function loadFixtures(url: string): Promise<Fixtures> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const staff = (
      await db.query(
        `SELECT id, email, role, organization_id AS "organizationId" FROM clients.staff_member WHERE email LIKE $1 ORDER BY email`,
        [`%@${BENCH_EMAIL_DOMAIN}`],
      )
    ).rows as StaffRow[];
    const caseManagers = staff.filter((s) => s.role === 'CASE_MANAGER');
    const partners = staff.filter((s) => s.role === 'PARTNER');
    const analysts = staff.filter((s) => s.role === 'ANALYST');
    const clientsOf = new Map<string, string[]>();
    const clients = await db.query(
      `SELECT assigned_case_manager_id AS cm, array_agg(id ORDER BY id) AS ids FROM clients.client
                                     WHERE assigned_case_manager_id = ANY($1::uuid[]) GROUP BY 1`,
      [caseManagers.map((s) => s.id)],
    );
    for (const row of clients.rows) clientsOf.set(row.cm, row.ids);
    const servicesOf = new Map<string, Array<{ id: string; serviceAtLocationId: string | null }>>();
    const services = await db.query(
      `SELECT s.organization_id AS org, s.id, (SELECT sal.id FROM resources.service_at_location sal WHERE sal.service_id = s.id ORDER BY sal.id LIMIT 1) AS sal
         FROM resources.service s WHERE s.status = 'active' AND s.organization_id = ANY($1::uuid[]) ORDER BY s.id`,
      [[...new Set(partners.map((p) => p.organizationId))]],
    );
    for (const row of services.rows)
      servicesOf.set(row.org, [...(servicesOf.get(row.org) ?? []), { id: row.id, serviceAtLocationId: row.sal }]);
    // A search is built around a real service: a word of its name, one of its categories, a point a few km from where it is delivered.
    const searches = (
      await db.query(
        `SELECT DISTINCT ON (s.id) s.name, a.taxonomy_term_id AS term, l.latitude, l.longitude
           FROM resources.service s
           JOIN resources.attribute a ON a.link_type = 'service' AND a.link_id = s.id
           JOIN resources.service_at_location sal ON sal.service_id = s.id
           JOIN resources.location l ON l.id = sal.location_id
          WHERE s.status = 'active' AND l.latitude IS NOT NULL
          ORDER BY s.id, a.taxonomy_term_id LIMIT 2000`,
      )
    ).rows.flatMap((row: { name: string; term: string; latitude: number; longitude: number }) => {
      const words = row.name.split(/[^A-Za-z]+/).filter((w) => w.length >= 4);
      return words.length ? [{ word: words[0].toLowerCase(), termId: row.term, latitude: row.latitude, longitude: row.longitude }] : [];
    });
    return { caseManagers, partners, analysts, clientsOf, servicesOf, searches, openAt: officeHours(new Date()) };
  } finally {
    await db.end();
  }
}

export interface TokenSource {
  token(staff: StaffRow): Promise<string>;
}

/** Bearer tokens of the development issuer, one per staff member, made once. */
export function tokenSource(privateKeyPem: string, issuer: string, audience: string): TokenSource {
  const cache = new Map<string, Promise<string>>();
  return {
    token: (staff) => {
      let token = cache.get(staff.id);
      if (!token) {
        const actor: Actor = { staffId: staff.id, role: staff.role, organizationId: staff.organizationId };
        token = mintBearerToken(privateKeyPem, actor, { issuer, audience, expiresInSeconds: 6 * 3600, email: staff.email });
        cache.set(staff.id, token);
      }
      return token;
    },
  };
}

/** One request to send: the label it is measured under, who sends it, and what. */
export interface BenchRequest {
  label: string;
  staff: StaffRow;
  query: string;
  variables: Record<string, unknown>;
  /** What later requests of a sequence need from earlier ones. */
  carry?: Record<string, string>;
}

/** A GraphQL answer, parsed. */
export type Answer = { data?: Record<string, unknown> | null; errors?: unknown[] };

/**
 * An operation of the benchmark: one request (reads) or a sequence whose
 * later requests use earlier answers (the write mix). `next` gets the answer
 * of the previous request and returns the next request, or null when done.
 */
export interface BenchOperation {
  name: string;
  start(rnd: () => number, fixtures: Fixtures): BenchRequest | null;
  /** What is wrong with an answer that has no errors (e.g. another caller's data), or null. */
  check?(request: BenchRequest, answer: Answer): string | null;
  next?(previous: BenchRequest, answer: Answer, rnd: () => number, fixtures: Fixtures): BenchRequest | null;
}

const pickOne = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];
const KM_PER_DEGREE = 111.32;

const CASELOAD = operation('caseload', 'Caseload');
const PROFILE = operation('client-profile', 'ClientProfile');
const SEARCH = operation('directory-search', 'DirectorySearch');
const INBOX = operation('partner-inbox', 'PartnerInbox');
const OUTCOMES = operation('outcomes', 'Outcomes');
/** The analysts' distance travelled per domain (next/outcomes.graphql; the contract files have no operation for it yet). */
const DISTANCE_TRAVELLED = print(
  parse(`query DistanceTravelled($period: DateRangeInput!) {
    distanceTravelled(period: $period) {
      domain
      clients { count suppressed }
      barrierToAsset { count suppressed }
      assetToBarrier { count suppressed }
    }
  }`),
);
const OPEN_CLIENT = operation('intake', 'OpenClient');
const RECORD_CONSENT = operation('intake', 'RecordConsent');
const CREATE_REFERRAL = operation('refer', 'CreateReferral');
const SEND_REFERRAL = operation('refer', 'SendReferral');
const ACCEPT_REFERRAL = operation('partner-inbox', 'AcceptReferral');

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** An answer about "me" must be about the caller: anything else means answers crossed between callers. */
const sameCaller = (request: BenchRequest, me: unknown) =>
  (me as { id?: string } | null)?.id === request.staff.id
    ? null
    : `answered for ${(me as { id?: string } | null)?.id}, not for the caller ${request.staff.id}`;
let writeSequence = 0;

/** The benchmark's operations, by name. */
export const OPERATIONS: Record<string, BenchOperation> = {
  caseload: {
    name: 'caseload',
    start: (rnd, f) => ({ label: 'caseload', staff: pickOne(f.caseManagers, rnd), query: CASELOAD, variables: { first: 25 } }),
    check: (request, answer) => sameCaller(request, answer.data?.me),
  },
  profile: {
    name: 'profile',
    start: (rnd, f) => {
      const withClients = f.caseManagers.filter((cm) => (f.clientsOf.get(cm.id) ?? []).length > 0);
      const staff = pickOne(withClients, rnd);
      return { label: 'profile', staff, query: PROFILE, variables: { id: pickOne(f.clientsOf.get(staff.id) ?? [], rnd) } };
    },
    check: (request, answer) =>
      (answer.data?.client as { id?: string } | null)?.id === request.variables.id
        ? null
        : `asked for client ${request.variables.id}, got another`,
  },
  search: {
    name: 'search',
    start: (rnd, f) => {
      const sample = pickOne(f.searches, rnd);
      const angle = 2 * Math.PI * rnd();
      const km = 5 * rnd();
      const latitude = sample.latitude + (km * Math.cos(angle)) / KM_PER_DEGREE;
      const longitude = sample.longitude + (km * Math.sin(angle)) / (KM_PER_DEGREE * Math.cos((sample.latitude * Math.PI) / 180));
      const staff = pickOne([...f.caseManagers, ...f.partners], rnd);
      return {
        label: 'search',
        staff,
        query: SEARCH,
        variables: {
          text: sample.word,
          terms: [sample.termId],
          lat: latitude,
          lon: longitude,
          radiusKm: 10,
          openAt: f.openAt,
        },
      };
    },
  },
  inbox: {
    name: 'inbox',
    start: (rnd, f) => ({ label: 'inbox', staff: pickOne(f.partners, rnd), query: INBOX, variables: {} }),
    check: (request, answer) => sameCaller(request, answer.data?.me),
  },
  outcomes: {
    name: 'outcomes',
    start: (rnd, f) => {
      // The twelve whole months up to this one: outcome periods are whole calendar months.
      const today = new Date();
      const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
      const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
      return {
        label: 'outcomes',
        staff: pickOne(f.analysts, rnd),
        query: OUTCOMES,
        variables: { period: { from: isoDate(from), to: isoDate(to) } },
      };
    },
  },
  distanceTravelled: {
    name: 'distanceTravelled',
    start: (rnd, f) => {
      // The twelve whole months up to this one, as the outcomes operation asks.
      const today = new Date();
      const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1));
      const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
      return {
        label: 'distanceTravelled',
        staff: pickOne(f.analysts, rnd),
        query: DISTANCE_TRAVELLED,
        variables: { period: { from: isoDate(from), to: isoDate(to) } },
      };
    },
    check: (_request, answer) =>
      (answer.data?.distanceTravelled as unknown[] | undefined)?.length === 8 ? null : 'expected a cell for each of the 8 domains',
  },
  // Intake of a new client, their consent to a partner organization, a referral there, sent, and the partner's acceptance.
  write: {
    name: 'write',
    start: (rnd, f) => {
      writeSequence += 1;
      const key = `bench-${process.pid}-${Date.now().toString(36)}-${writeSequence}`;
      return {
        label: 'write:OpenClient',
        staff: pickOne(f.caseManagers, rnd),
        query: OPEN_CLIENT,
        variables: { input: { firstName: 'Bench', lastName: `Client ${writeSequence}`, dateOfBirth: '1990-05-17', clientMutationId: key } },
      };
    },
    check: (request, answer) =>
      request.label === 'write:OpenClient'
        ? sameCaller(request, (answer.data?.openClient as { assignedCaseManager?: unknown } | null)?.assignedCaseManager)
        : null,
    next: (previous, answer, rnd, f) => {
      const data = answer.data ?? {};
      const withServices = f.partners.filter((p) => (f.servicesOf.get(p.organizationId) ?? []).length > 0);
      switch (previous.label) {
        case 'write:OpenClient': {
          const clientId = (data.openClient as { id: string }).id;
          const partner = pickOne(withServices, rnd);
          return {
            label: 'write:RecordConsent',
            staff: previous.staff,
            query: RECORD_CONSENT,
            variables: {
              input: {
                clientId,
                recipientOrganizationId: partner.organizationId,
                scope: ['CONTACT_INFO', 'REFERRAL_DETAILS'],
                purpose: 'Referral for support services',
                signedAt: new Date(Date.now() - 60_000).toISOString(),
              },
            },
            carry: { clientId, organizationId: partner.organizationId },
          };
        }
        case 'write:RecordConsent': {
          const carry = previous.carry ?? {};
          const service = pickOne(f.servicesOf.get(carry.organizationId) ?? [], rnd);
          return {
            label: 'write:CreateReferral',
            staff: previous.staff,
            query: CREATE_REFERRAL,
            variables: {
              input: {
                clientId: carry.clientId,
                serviceId: service.id,
                serviceAtLocationId: service.serviceAtLocationId,
                need: 'Food security: not enough food at home',
                necessaryRationale: 'No food at home this week.',
                appropriateRationale: 'Closest service with capacity.',
              },
            },
            carry,
          };
        }
        case 'write:CreateReferral':
          return {
            label: 'write:SendReferral',
            staff: previous.staff,
            query: SEND_REFERRAL,
            variables: { id: (data.createReferral as { id: string }).id },
            carry: previous.carry,
          };
        case 'write:SendReferral': {
          const partner = f.partners.find((p) => p.organizationId === previous.carry?.organizationId);
          return partner
            ? {
                label: 'write:AcceptReferral',
                staff: partner,
                query: ACCEPT_REFERRAL,
                variables: { id: (data.sendReferral as { id: string }).id },
              }
            : null;
        }
        default:
          return null;
      }
    },
  },
};

export const OPERATION_NAMES = Object.keys(OPERATIONS);
