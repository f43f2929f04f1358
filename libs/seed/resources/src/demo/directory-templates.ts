/**
 * The invented agencies and services the demo directory is generated from.
 * Each kind of agency offers a few kinds of service; each service kind has a
 * description, Open Eligibility categories, who it is for and its usual
 * opening hours. All names are invented.
 */

/** Opening hours as HSDS schedule rows (iCal rules); several rows add up. */
export interface HoursRule {
  freq: 'WEEKLY' | 'MONTHLY';
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  description: string;
}

const weekly = (byday: string | null, opensAt: string | null, closesAt: string | null, description: string): HoursRule => ({
  freq: 'WEEKLY',
  byday,
  opensAt,
  closesAt,
  description,
});

const EVERY_DAY = 'MO,TU,WE,TH,FR,SA,SU';

/** Gives each record its key in `records` as `key`, keeping their order. */
function keyed<T>(records: Record<string, T>): Record<string, T & { key: string }> {
  return Object.fromEntries(Object.entries(records).map(([key, record]) => [key, { key, ...record }]));
}

/** Kinds of opening hours, by key; several rules add up. */
export const HOURS: Record<string, HoursRule[]> = {
  office: [weekly('MO,TU,WE,TH,FR', '09:00', '17:00', 'Monday to Friday, 9 am to 5 pm')],
  early: [weekly('MO,TU,WE,TH,FR', '08:30', '16:30', 'Monday to Friday, 8:30 am to 4:30 pm')],
  extended: [
    weekly('MO,TU,WE,TH', '09:00', '20:00', 'Monday to Thursday, 9 am to 8 pm'),
    weekly('FR', '09:00', '17:00', 'Friday, 9 am to 5 pm'),
  ],
  evenings: [weekly('TU,TH', '17:00', '20:30', 'Tuesday and Thursday evenings, 5 to 8:30 pm')],
  weekend: [weekly('SA,SU', '10:00', '14:00', 'Saturday and Sunday, 10 am to 2 pm')],
  pantry: [
    weekly('TU,TH', '10:00', '14:00', 'Tuesday and Thursday, 10 am to 2 pm'),
    weekly('WE', '17:00', '20:00', 'Wednesday evening, 5 to 8 pm'),
    weekly('SA', '09:00', '12:00', 'Saturday morning, 9 am to noon'),
  ],
  alternate: [weekly('MO,WE,FR', '10:00', '16:00', 'Monday, Wednesday and Friday, 10 am to 4 pm (closed Tuesday and Thursday)')],
  meals: [
    weekly('MO,TU,WE,TH,FR', '11:30', '13:30', 'Lunch on weekdays, 11:30 am to 1:30 pm'),
    weekly(EVERY_DAY, '17:00', '19:00', 'Supper every day, 5 to 7 pm'),
  ],
  overnight: [weekly(EVERY_DAY, '21:00', '08:00', 'Every night, 9 pm to 8 am')],
  lateNight: [weekly('TH,FR,SA', '20:00', '02:00', 'Thursday to Saturday, 8 pm to 2 am')],
  allDay: [weekly(EVERY_DAY, null, null, 'Open 24 hours, every day')],
  monthly: [
    {
      freq: 'MONTHLY',
      byday: '1WE,3WE',
      opensAt: '10:00',
      closesAt: '14:00',
      description: 'First and third Wednesday of the month, 10 am to 2 pm',
    },
  ],
};

export interface ServiceKind {
  /** Its key in SERVICE_KINDS. */
  key: string;
  name: string;
  description: string;
  codes: string[];
  hours: Array<keyof typeof HOURS>;
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  fees?: string;
  application?: string;
}

export const SERVICE_KINDS: Record<string, ServiceKind> = keyed<Omit<ServiceKind, 'key'>>({
  pantry: {
    name: 'Food Bank Pantry',
    description: 'A community food bank: free groceries, fresh produce and baby food for individuals and families, once a week.',
    codes: ['1130'],
    hours: ['pantry', 'alternate', 'evenings', 'weekend'],
    eligibility: 'Residents of the area with low income; bring identification if you can.',
    application: 'Walk in during opening hours.',
  },
  hamper: {
    name: 'Emergency Food Hamper',
    description: 'Same-day emergency food hampers from the food bank for households with no food at home.',
    codes: ['1120'],
    hours: ['office', 'extended'],
    application: 'Call ahead or walk in; no documents needed in an emergency.',
  },
  fridge: {
    name: 'Community Fridge',
    description: 'A free community fridge and pantry shelf stocked daily by the food bank and neighbours: take what you need, any time.',
    codes: ['1128', '1130'],
    hours: ['allDay'],
  },
  meals: {
    name: 'Community Kitchen Meals',
    description: 'Free hot meals in a welcoming dining room; no questions asked.',
    codes: ['1131'],
    hours: ['meals', 'weekend', 'lateNight'],
  },
  delivery: {
    name: 'Grocery Delivery for Seniors',
    description: 'Food bank groceries delivered to the door for seniors and people who cannot leave home.',
    codes: ['1129'],
    hours: ['early'],
    eligibility: 'Seniors 60 and over, or anyone homebound by illness or disability.',
    minimumAge: 60,
  },
  garden: {
    name: 'Community Garden Plots',
    description: 'Garden plots, seeds and tools for growing your own food, with workshops on weekends.',
    codes: ['1127'],
    hours: ['weekend'],
  },
  foodBenefits: {
    name: 'Food Benefits Help',
    description: 'Help applying for food benefits and grocery vouchers.',
    codes: ['1133'],
    hours: ['office', 'monthly'],
  },
  shelter: {
    name: 'Emergency Shelter Beds',
    description: 'Overnight emergency shelter beds with supper and breakfast; showers and laundry.',
    codes: ['1121'],
    hours: ['overnight'],
    eligibility: 'Adults 19 and over experiencing homelessness.',
    minimumAge: 19,
  },
  housingSearch: {
    name: 'Housing Search Help',
    description: 'A housing worker helps you find and apply for an affordable rental unit.',
    codes: ['1136'],
    hours: ['office', 'extended'],
  },
  rentBank: {
    name: 'Rent Bank',
    description: 'Interest-free loans and grants for rent arrears and utility bills, to prevent eviction.',
    codes: ['1116', '1138'],
    hours: ['office'],
    application: 'Bring your lease and the arrears notice.',
  },
  tenantAdvice: {
    name: 'Tenant Rights Advice',
    description: 'Free advice for tenants facing eviction, repairs or disputes with a landlord.',
    codes: ['1142', '1375'],
    hours: ['alternate', 'evenings'],
  },
  clinic: {
    name: 'Walk-in Clinic',
    description: 'Nurse practitioners see patients without an appointment; no family doctor needed.',
    codes: ['1206'],
    hours: ['extended', 'weekend'],
  },
  dental: {
    name: 'Low-cost Dental Clinic',
    description: 'Cleanings, fillings and emergency dental care on a sliding fee scale.',
    codes: ['1184'],
    hours: ['office'],
    fees: 'Sliding scale by income; nobody is turned away for inability to pay.',
  },
  counselling: {
    name: 'Counselling Services',
    description: 'Short-term counselling for stress, anxiety, depression and grief, free of charge.',
    codes: ['1220'],
    hours: ['extended', 'evenings'],
  },
  recovery: {
    name: 'Addiction Recovery Support',
    description: 'Outpatient addiction treatment, peer support groups and harm reduction supplies.',
    codes: ['1181', '1312'],
    hours: ['office', 'evenings'],
    minimumAge: 16,
  },
  crisisLine: {
    name: 'Crisis Line',
    description: 'A 24-hour mental health crisis line and mobile crisis team.',
    codes: ['1126', '1305'],
    hours: ['allDay'],
  },
  jobSearch: {
    name: 'Job Search Workshop',
    description: 'Workshops on resumes, interviews and finding job openings.',
    codes: ['1357', '1370'],
    hours: ['office', 'evenings'],
    minimumAge: 16,
  },
  youthJobs: {
    name: 'Youth Employment Program',
    description: 'Paid work placements and job coaching for young people.',
    codes: ['1358'],
    hours: ['extended'],
    eligibility: 'Youth aged 15 to 30 who are out of school and out of work.',
    minimumAge: 15,
    maximumAge: 30,
  },
  literacy: {
    name: 'Adult Literacy Classes',
    description: 'Small-group reading, writing and math classes for adults, mornings and evenings.',
    codes: ['1350'],
    hours: ['extended', 'evenings'],
    minimumAge: 18,
  },
  esl: {
    name: 'English Classes for Newcomers',
    description: 'English as a second language classes at every level, with childcare during class.',
    codes: ['1326'],
    hours: ['office', 'evenings', 'weekend'],
  },
  homework: {
    name: 'After-school Homework Club',
    description: 'Free tutoring and a healthy snack for school-age children after school.',
    codes: ['1343', '1279'],
    hours: ['evenings'],
    minimumAge: 6,
    maximumAge: 14,
  },
  childcare: {
    name: 'Childcare Subsidy Help',
    description: 'Help finding licensed childcare and applying for a childcare subsidy.',
    codes: ['1281', '1282'],
    hours: ['office'],
  },
  legalAid: {
    name: 'Legal Aid Clinic',
    description: 'Free legal advice on housing, income assistance, employment and immigration.',
    codes: ['1375'],
    hours: ['alternate', 'evenings'],
  },
  immigration: {
    name: 'Newcomer Settlement Services',
    description: 'Settlement help for immigrants and refugees: documents, housing, school and work.',
    codes: ['1381', '1293'],
    hours: ['office', 'weekend'],
  },
  taxClinic: {
    name: 'Free Tax Clinic',
    description: 'Volunteers prepare and file income tax returns for people with modest incomes.',
    codes: ['1270'],
    hours: ['monthly', 'evenings'],
  },
  clothing: {
    name: 'Clothing Bank',
    description: 'Free clothing, winter coats and boots for children and adults.',
    codes: ['1158'],
    hours: ['alternate', 'weekend'],
  },
  busPass: {
    name: 'Bus Pass Program',
    description: 'Discounted monthly bus passes for people with low income.',
    codes: ['1173'],
    hours: ['office'],
  },
  seniorsCentre: {
    name: 'Seniors Drop-in',
    description: 'Coffee, company, exercise classes and help with forms for seniors.',
    codes: ['1278', '1293'],
    hours: ['early'],
    minimumAge: 55,
  },
  youthDropIn: {
    name: 'Youth Drop-in Centre',
    description: 'A safe space for youth with meals, showers, counselling and recreation.',
    codes: ['1285', '1131'],
    hours: ['evenings', 'lateNight', 'weekend'],
    minimumAge: 12,
    maximumAge: 24,
  },
});

export interface AgencyKind {
  /** Its key in AGENCY_KINDS. */
  key: string;
  /** `{area}` is replaced by the neighbourhood. */
  name: string;
  description: string;
  services: Array<keyof typeof SERVICE_KINDS>;
}

/** Kinds of agency, in the order the generator cycles through them. */
export const AGENCY_KINDS: AgencyKind[] = Object.values(
  keyed<Omit<AgencyKind, 'key'>>({
    'food-bank': {
      name: '{area} Food Bank',
      description: 'A neighbourhood food bank: pantry, emergency hampers and a community fridge.',
      services: ['pantry', 'hamper', 'fridge', 'delivery'],
    },
    'community-centre': {
      name: '{area} Community Centre',
      description: 'Meals, classes and drop-in programs for the whole neighbourhood.',
      services: ['meals', 'garden', 'esl', 'homework', 'fridge'],
    },
    'family-resource': {
      name: '{area} Family Resource Centre',
      description: 'Support for parents and children: childcare help, homework club and a clothing bank.',
      services: ['childcare', 'homework', 'clothing', 'foodBenefits'],
    },
    housing: {
      name: '{area} Housing Support',
      description: 'Help finding and keeping a home.',
      services: ['housingSearch', 'rentBank', 'tenantAdvice'],
    },
    shelter: {
      name: '{area} Shelter and Outreach',
      description: 'Emergency shelter, meals and outreach for people experiencing homelessness.',
      services: ['shelter', 'meals', 'hamper'],
    },
    health: {
      name: '{area} Health Collective',
      description: 'Community health: walk-in care, dental care, counselling and recovery support.',
      services: ['clinic', 'dental', 'counselling', 'recovery'],
    },
    crisis: {
      name: '{area} Crisis and Wellness Society',
      description: 'Mental health crisis support and counselling.',
      services: ['crisisLine', 'counselling'],
    },
    employment: {
      name: '{area} Employment Hub',
      description: 'Job search help, youth employment and adult learning.',
      services: ['jobSearch', 'youthJobs', 'literacy'],
    },
    legal: {
      name: '{area} Legal Clinic',
      description: 'Free legal information and representation for people with low incomes.',
      services: ['legalAid', 'tenantAdvice', 'taxClinic'],
    },
    newcomer: {
      name: '{area} Newcomer Services',
      description: 'Settlement, language and employment support for immigrants and refugees.',
      services: ['immigration', 'esl', 'jobSearch'],
    },
    seniors: {
      name: '{area} Seniors Network',
      description: 'Programs, meals and transportation help for seniors.',
      services: ['seniorsCentre', 'delivery', 'busPass'],
    },
    youth: {
      name: '{area} Youth Hub',
      description: 'Drop-in space, food and job help for young people.',
      services: ['youthDropIn', 'youthJobs', 'homework'],
    },
  }),
);

export const AREAS = [
  'Harbourview',
  'Northgate',
  'Eastbank',
  'Westmount',
  'Bayside',
  'Millbrook',
  'Cedar Hill',
  'Fairhaven',
  'Riverside',
  'Old Town',
  'Lakeside',
  'Kingsway',
  'Ferry Point',
  'Maple Ridge',
  'Southport',
  'Brookfield',
  'Pine Hollow',
  'Market Square',
  'Stonebridge',
  'Seaview',
];

export const STREETS = [
  'Harbour',
  'Barrington',
  'Gottingen',
  'Agricola',
  'Quinpool',
  'Robie',
  'Chebucto',
  'Portland',
  'Windmill',
  'Pleasant',
  'Main',
  'Victoria',
  'Prince',
  'Wyse',
  'Lady Hammond',
];

/** Languages besides English, with how often a service offers each. */
export const LANGUAGES: Array<{ name: string; code: string; share: number }> = [
  { name: 'French', code: 'fr', share: 0.3 },
  { name: 'Arabic', code: 'ar', share: 0.12 },
  { name: 'Mandarin', code: 'zh', share: 0.08 },
  { name: 'Spanish', code: 'es', share: 0.08 },
  { name: "Mi'kmaq", code: 'mic', share: 0.05 },
];
