/**
 * The demo world: a small agency network around one invented city, with the
 * caseloads of casey and jordan. Deterministic for a given "today", so that
 * relative dates (overdue steps, consents near expiry) stay meaningful. Each
 * subgraph's seed writes its own part of it.
 */
import { demoId, random } from './ids';
import { DEMO_STAFF, EASTSIDE_ID, HARBOUR_ID, NORTHSIDE_ID, demoStaff } from './roster';

export interface DemoService {
  id: string;
  organizationId: string;
  name: string;
  description: string;
  taxonomyCodes: string[];
  locationId: string;
  serviceAtLocationId: string;
}

export interface DemoLocation {
  id: string;
  organizationId: string;
  name: string;
  latitude: number;
  longitude: number;
  address1: string;
  postalCode: string;
}

export interface DemoOrganization {
  id: string;
  name: string;
  description: string;
  email: string;
  website: string;
}

export type DemoClientStatus = 'INTAKE' | 'ACTIVE' | 'ON_HOLD' | 'CLOSED';

export interface DemoClient {
  id: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  status: DemoClientStatus;
  intakeDate: string;
  caseManagerId: string;
  organizationId: string;
}

export interface DemoGoal {
  id: string;
  description: string;
  term: 'SHORT' | 'MID' | 'LONG';
  targetDate: string;
  status: 'OPEN' | 'ACHIEVED' | 'NOT_ACHIEVED' | 'CANCELLED';
}

export interface DemoPlan {
  id: string;
  clientId: string;
  organizationId: string;
  status: 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED';
  createdAt: Date;
  createdById: string;
  goals: DemoGoal[];
}

export type DemoReferralStatus =
  'DRAFT' | 'SENT' | 'ACCEPTED' | 'DECLINED' | 'WAITLISTED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED' | 'EXPIRED';

export interface DemoReferralEvent {
  id: string;
  status: DemoReferralStatus;
  at: Date;
  actorId: string | null;
  note: string | null;
}

export interface DemoReferral {
  id: string;
  clientId: string;
  clientOrganizationId: string;
  serviceId: string;
  organizationId: string;
  referredById: string;
  need: string;
  necessaryRationale: string;
  appropriateRationale: string;
  urgency: 'ROUTINE' | 'SOON' | 'URGENT';
  status: DemoReferralStatus;
  createdAt: Date;
  sentAt: Date | null;
  respondBy: Date | null;
  declineReason: string | null;
  outcome: string | null;
  events: DemoReferralEvent[];
}

export type DemoClosureOutcome = 'EMPLOYED' | 'IN_TRAINING' | 'REFERRED_ELSEWHERE' | 'GOALS_MET' | 'DISENGAGED' | 'MOVED' | 'OTHER';

/** How a closed case was closed. */
export interface DemoClosure {
  clientId: string;
  at: Date;
  outcome: DemoClosureOutcome;
  program: string;
  nextSteps: string | null;
  closedById: string;
}

export interface DemoWorld {
  today: Date;
  closures: DemoClosure[];
  organizations: DemoOrganization[];
  locations: DemoLocation[];
  services: DemoService[];
  clients: DemoClient[];
  plans: DemoPlan[];
  referrals: DemoReferral[];
}

const CITY = { latitude: 44.6488, longitude: -63.5752 };

const ORGANIZATIONS: Array<DemoOrganization & { services: Array<[string, string, string[]]> }> = [
  {
    id: HARBOUR_ID,
    name: 'Harbour Employment Services',
    description: 'Employment counselling, job search support and training referrals for adults looking for work.',
    email: 'info@harbour-employment.example',
    website: 'https://harbour-employment.example',
    services: [
      ['Employment Counselling', 'One-to-one career and employment counselling with a case manager.', ['1357']],
      ['Job Search Workshop', 'Weekly workshops on resumes, interviews and finding openings.', ['1357', '1365']],
    ],
  },
  {
    id: NORTHSIDE_ID,
    name: 'Northside Food Bank',
    description: 'Emergency groceries, a weekly food pantry and hot community meals on the north side.',
    email: 'hello@northside-food.example',
    website: 'https://northside-food.example',
    services: [
      ['Weekly Food Pantry', 'Groceries once a week for households in need; bring identification if you can.', ['1130']],
      ['Community Hot Meals', 'Free hot lunch on weekdays, no questions asked.', ['1131']],
      ['Emergency Food Hamper', 'Same-day food hamper for households with no food at home.', ['1120']],
    ],
  },
  {
    id: EASTSIDE_ID,
    name: 'Eastside Housing Help',
    description: 'Help finding and keeping housing: rental search, landlord mediation and rent arrears support.',
    email: 'contact@eastside-housing.example',
    website: 'https://eastside-housing.example',
    services: [
      ['Housing Search Support', 'A housing worker helps find and apply for rental units.', ['1136']],
      ['Rent Arrears Assistance', 'Help paying overdue rent to prevent eviction.', ['1116']],
      ['Emergency Shelter Referral', 'Same-day placement in an emergency shelter bed.', ['1121']],
    ],
  },
  {
    id: demoId('organization', 'bayview-community-health'),
    name: 'Bayview Community Health Centre',
    description: 'Primary care, mental health counselling and addiction services for people without a family doctor.',
    email: 'reception@bayview-health.example',
    website: 'https://bayview-health.example',
    services: [
      ['Walk-in Primary Care', 'Nurse practitioners see patients without an appointment.', ['1206']],
      ['Counselling Services', 'Short-term mental health counselling, free of charge.', ['1220']],
    ],
  },
  {
    id: demoId('organization', 'harbour-adult-learning'),
    name: 'Harbour Adult Learning Centre',
    description: 'Literacy, numeracy and high-school completion classes for adults.',
    email: 'learn@harbour-learning.example',
    website: 'https://harbour-learning.example',
    services: [
      ['Adult Literacy Classes', 'Small-group reading and writing classes, mornings and evenings.', []],
      ['GED Preparation', 'Preparation for the high-school equivalency exam.', []],
    ],
  },
];

const FIRST = [
  'Avery',
  'Blake',
  'Cameron',
  'Dana',
  'Elliot',
  'Frankie',
  'Gale',
  'Harper',
  'Indra',
  'Jules',
  'Kiran',
  'Logan',
  'Marlo',
  'Noor',
  'Oakley',
  'Parker',
  'Quinn',
  'Reese',
  'Sasha',
  'Tatum',
  'Uma',
  'Valentin',
  'Wren',
  'Xiomara',
  'Yusuf',
  'Zélie',
];
const LAST = [
  'Abernathy',
  'Bouchard',
  'Castellano',
  'Doucette',
  'Eriksen',
  'Fontaine',
  'Gallant',
  'Haddad',
  'Ibarra',
  'Jablonski',
  'Kowalczyk',
  'Landry',
  'MacIsaac',
  'Nakamura',
  'Ouellette',
  'Pellerin',
  'Quigley',
  'Robichaud',
  'Saulnier',
  'Thériault',
  'Underhill',
  'Vasquez',
  'Whitman',
  'Young',
  'Zhou',
];
const STATUSES: DemoClientStatus[] = [
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'ACTIVE',
  'INTAKE',
  'ACTIVE',
  'ON_HOLD',
  'ACTIVE',
  'CLOSED',
  'ACTIVE',
  'INTAKE',
];
const GOALS: Array<[string, 'SHORT' | 'MID' | 'LONG']> = [
  ['Update resume and apply to three warehouse jobs by month end', 'SHORT'],
  ['Obtain a class 5 driver licence', 'MID'],
  ['Secure stable rental housing within six months', 'MID'],
  ['Complete high-school equivalency', 'LONG'],
  ['Attend weekly food pantry until income is stable', 'SHORT'],
];

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function demoWorld(today: Date = new Date()): DemoWorld {
  const rnd = random(20261123);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
  const day = (offset: number) => new Date(today.getTime() + offset * DAY);

  const organizations: DemoOrganization[] = [];
  const locations: DemoLocation[] = [];
  const services: DemoService[] = [];
  ORGANIZATIONS.forEach((org, o) => {
    const { services: offered, ...organization } = org;
    organizations.push(organization);
    const location: DemoLocation = {
      id: demoId('location', org.name),
      organizationId: org.id,
      name: `${org.name} — main office`,
      latitude: Number((CITY.latitude + (o - 2) * 0.012).toFixed(6)),
      longitude: Number((CITY.longitude + (o % 3) * 0.015).toFixed(6)),
      address1: `${100 + o * 35} ${['Harbour', 'North', 'East', 'Bay', 'Market'][o]} Street`,
      postalCode: `B3K ${o}A${o}`,
    };
    locations.push(location);
    offered.forEach(([name, description, taxonomyCodes]) => {
      const id = demoId('service', `${org.name}:${name}`);
      services.push({
        id,
        organizationId: org.id,
        name,
        description,
        taxonomyCodes,
        locationId: location.id,
        serviceAtLocationId: demoId('sal', id),
      });
    });
  });

  const clients: DemoClient[] = [];
  const plans: DemoPlan[] = [];
  const referrals: DemoReferral[] = [];
  const partnerServices = services.filter((s) => s.organizationId === NORTHSIDE_ID || s.organizationId === EASTSIDE_ID);
  const referralCycle: DemoReferralStatus[] = [
    'SENT',
    'ACCEPTED',
    'IN_PROGRESS',
    'COMPLETED',
    'WAITLISTED',
    'DECLINED',
    'DRAFT',
    'CANCELLED',
    'EXPIRED',
  ];

  for (const manager of [demoStaff('casey'), demoStaff('jordan')]) {
    for (let i = 0; i < 22; i += 1) {
      const n = clients.length;
      const status = STATUSES[i % STATUSES.length];
      const daysSinceIntake = Math.floor(rnd() * 700) + 5;
      const client: DemoClient = {
        id: demoId('client', `${manager.email}:${i}`),
        firstName: FIRST[(n * 7 + 3) % FIRST.length],
        lastName: LAST[(n * 11 + 5) % LAST.length],
        preferredName: i % 6 === 2 ? pick(['Jay', 'Mo', 'Sunny', 'Bee']) : null,
        dateOfBirth: isoDate(new Date(Date.UTC(1960 + Math.floor(rnd() * 45), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)))),
        status,
        // Intakes still open are recent; the others started any time in the last two years.
        intakeDate: isoDate(day(status === 'INTAKE' ? -(2 + (n % 20)) : -daysSinceIntake)),
        caseManagerId: manager.id,
        organizationId: manager.organizationId,
      };
      clients.push(client);

      if (client.status !== 'INTAKE') {
        const goals = [0, 1].map((g) => {
          const [description, term] = GOALS[(n + g) % GOALS.length];
          return {
            id: demoId('goal', `${client.id}:${g}`),
            description,
            term,
            targetDate: isoDate(day(30 * (g + 1) + (n % 20))),
            status: client.status === 'CLOSED' ? 'ACHIEVED' : g === 0 && i % 4 === 0 ? 'ACHIEVED' : 'OPEN',
          } satisfies DemoGoal;
        });
        plans.push({
          id: demoId('plan', client.id),
          clientId: client.id,
          organizationId: client.organizationId,
          status: client.status === 'CLOSED' ? 'COMPLETED' : 'ACTIVE',
          createdAt: day(-Math.floor(rnd() * 90) - 1),
          createdById: manager.id,
          goals,
        });
      }

      if (client.status === 'ACTIVE' || client.status === 'CLOSED' || client.status === 'ON_HOLD') {
        const status = referralCycle[n % referralCycle.length];
        const service = partnerServices[n % partnerServices.length];
        const partner = DEMO_STAFF.find((s) => s.role === 'PARTNER' && s.organizationId === service.organizationId) ?? null;
        const createdAt = day(-20 - (n % 30));
        const events: DemoReferralEvent[] = [
          { id: demoId('event', `${client.id}:0`), status: 'DRAFT', at: createdAt, actorId: manager.id, note: null },
        ];
        const push = (s: DemoReferralStatus, offset: number, actorId: string | null, note: string | null) =>
          events.push({
            id: demoId('event', `${client.id}:${events.length}`),
            status: s,
            at: new Date(createdAt.getTime() + offset * DAY),
            actorId,
            note,
          });
        const path: Record<DemoReferralStatus, Array<[DemoReferralStatus, 'cm' | 'partner' | 'system', string | null]>> = {
          DRAFT: [],
          SENT: [['SENT', 'cm', null]],
          ACCEPTED: [
            ['SENT', 'cm', null],
            ['ACCEPTED', 'partner', 'Intake booked'],
          ],
          IN_PROGRESS: [
            ['SENT', 'cm', null],
            ['ACCEPTED', 'partner', 'Intake booked'],
            ['IN_PROGRESS', 'partner', 'First visit done'],
          ],
          COMPLETED: [
            ['SENT', 'cm', null],
            ['ACCEPTED', 'partner', null],
            ['IN_PROGRESS', 'partner', null],
            ['COMPLETED', 'partner', 'Service provided'],
          ],
          WAITLISTED: [
            ['SENT', 'cm', null],
            ['WAITLISTED', 'partner', 'About three weeks wait'],
          ],
          DECLINED: [
            ['SENT', 'cm', null],
            ['DECLINED', 'partner', 'Outside our service area'],
          ],
          CANCELLED: [
            ['SENT', 'cm', null],
            ['CANCELLED', 'cm', 'Client found another program'],
          ],
          EXPIRED: [
            ['SENT', 'cm', null],
            ['EXPIRED', 'system', 'No answer by the deadline'],
          ],
        };
        path[status].forEach(([s, who, note], k) =>
          push(s, k + 1, who === 'cm' ? manager.id : who === 'partner' ? (partner?.id ?? null) : null, note),
        );
        const sent = events.find((e) => e.status === 'SENT');
        referrals.push({
          id: demoId('referral', client.id),
          clientId: client.id,
          clientOrganizationId: client.organizationId,
          serviceId: service.id,
          organizationId: service.organizationId,
          referredById: manager.id,
          need:
            service.organizationId === NORTHSIDE_ID
              ? 'Food and housing: not enough food at home'
              : 'Food and housing: at risk of losing housing',
          necessaryRationale: 'The barrier blocks progress on the employment goal.',
          appropriateRationale: 'The service is close to the client and has capacity.',
          urgency: n % 5 === 0 ? 'URGENT' : n % 3 === 0 ? 'SOON' : 'ROUTINE',
          status,
          createdAt,
          sentAt: sent ? sent.at : null,
          respondBy: sent ? new Date(sent.at.getTime() + 14 * DAY) : null,
          declineReason: status === 'DECLINED' ? 'Outside our service area' : null,
          outcome: status === 'COMPLETED' ? 'SERVICE_PROVIDED' : null,
          events,
        });
      }
    }
  }
  const closures = closeCases(clients, today, rnd);
  return { today, organizations, locations, services, clients, plans, referrals, closures };
}

export const DEMO_PROGRAM = 'Employment Support Program';

/**
 * Twelve months of closed cases: the closed clients of the caseloads above,
 * and earlier clients closed over the past year, with outcomes concentrated
 * enough that some month × outcome cells reach the reporting threshold of 11
 * and others stay suppressed.
 */
function closeCases(clients: DemoClient[], today: Date, rnd: () => number): DemoClosure[] {
  const managers = [demoStaff('casey'), demoStaff('jordan')];
  const closures: DemoClosure[] = [];
  const outcomeMix: DemoClosureOutcome[] = [
    'EMPLOYED',
    'EMPLOYED',
    'EMPLOYED',
    'EMPLOYED',
    'EMPLOYED',
    'IN_TRAINING',
    'IN_TRAINING',
    'GOALS_MET',
    'DISENGAGED',
    'MOVED',
    'REFERRED_ELSEWHERE',
    'OTHER',
  ];
  for (const client of clients.filter((c) => c.status === 'CLOSED')) {
    closures.push({
      clientId: client.id,
      at: new Date(today.getTime() - (5 + Math.floor(rnd() * 40)) * DAY),
      outcome: 'GOALS_MET',
      program: DEMO_PROGRAM,
      nextSteps: 'Check in after three months.',
      closedById: client.caseManagerId,
    });
  }
  for (let month = 1; month <= 12; month += 1) {
    const count = month % 3 === 0 ? 26 : 12;
    for (let k = 0; k < count; k += 1) {
      const n = clients.length;
      const manager = managers[n % 2];
      const closedAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - month, 3 + (k % 24), 15));
      const client: DemoClient = {
        id: demoId('client', `closed:${month}:${k}`),
        firstName: FIRST[(n * 5 + 1) % FIRST.length],
        lastName: LAST[(n * 3 + 7) % LAST.length],
        preferredName: null,
        dateOfBirth: isoDate(new Date(Date.UTC(1965 + Math.floor(rnd() * 38), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)))),
        status: 'CLOSED',
        intakeDate: isoDate(new Date(closedAt.getTime() - (60 + Math.floor(rnd() * 200)) * DAY)),
        caseManagerId: manager.id,
        organizationId: manager.organizationId,
      };
      clients.push(client);
      // Most months close mainly into employment; the mix keeps the smaller outcomes under the threshold.
      const outcome = month % 3 === 0 && k < 14 ? 'EMPLOYED' : outcomeMix[(k + month) % outcomeMix.length];
      closures.push({ clientId: client.id, at: closedAt, outcome, program: DEMO_PROGRAM, nextSteps: null, closedById: manager.id });
    }
  }
  return closures;
}
