/** Answers of the fake gateway, shaped like the generated operation types so that the compiler checks them. */
import type {
  AgencyCaseManagersQuery,
  Role,
  CaseloadQuery,
  ClientNotesQuery,
  ClientPlansQuery,
  ClientProfileQuery,
  InboxQuery,
  PartnerReferralQuery,
} from '../graphql/generated';

export const CLIENT_ID = 'aaaaaaaa-0000-4000-8000-000000000001';

type Row = CaseloadQuery['myCaseload']['edges'][number]['node'];

export function caseloadRow(n: number, patch: Partial<Row> = {}): Row {
  return {
    id: `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: `Client ${n}`,
    status: 'ACTIVE',
    nextFollowUpAt: null,
    priority: { level: 'LOW', score: 0, reasons: [] },
    assignedCaseManager: { id: '11111111-1111-4111-8111-111111111111', displayName: 'Casey Morgan' },
    activePlan: {
      id: `plan-${n}`,
      version: 1,
      agreement: { planVersion: 1 },
      progress: { stepsTotal: 5, stepsComplete: 2, overdueSteps: 0, percentComplete: 40 },
    },
    referrals: [],
    ...patch,
  };
}

export function caseload(rows: Row[], page: { hasNextPage?: boolean; endCursor?: string | null; totalCount?: number } = {}): CaseloadQuery {
  return {
    myCaseload: {
      totalCount: page.totalCount ?? rows.length,
      pageInfo: { hasNextPage: page.hasNextPage ?? false, endCursor: page.endCursor ?? null },
      edges: rows.map((node, i) => ({ cursor: `c${i}`, node })),
    },
  };
}

export function profile(patch: Partial<NonNullable<ClientProfileQuery['client']>> = {}): ClientProfileQuery {
  return {
    client: {
      id: CLIENT_ID,
      firstName: 'Dana',
      lastName: 'Fontaine',
      preferredName: null,
      displayName: 'Dana Fontaine',
      dateOfBirth: '1997-06-13',
      status: 'ACTIVE',
      intakeDate: '2025-02-26',
      nextFollowUpAt: null,
      contactPreference: null,
      eligibility: null,
      assignedCaseManager: { id: '11111111-1111-4111-8111-111111111111', displayName: 'Casey Morgan' },
      keyDates: [],
      priority: { level: 'URGENT', score: 69, reasons: ['EI claim ends in 2 days'] },
      closure: null,
      possibleDuplicates: [],
      ...patch,
    },
  };
}

export function notes(bodies: string[] = []): ClientNotesQuery {
  return {
    client: {
      id: CLIENT_ID,
      caseNotes: {
        totalCount: bodies.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: bodies.map((body, i) => ({
          cursor: `n${i}`,
          node: {
            id: `note-${i}`,
            occurredAt: '2026-11-20T15:00:00Z',
            contactType: 'PHONE',
            body,
            sensitive: false,
            createdAt: '2026-11-20T15:05:00Z',
            author: { id: 'x', displayName: 'Casey Morgan' },
            amends: null,
            amendments: [],
          },
        })),
      },
    },
  };
}

type Plan = NonNullable<NonNullable<ClientPlansQuery['client']>['actionPlans']>[number];

export function plans(planPatch: Partial<Plan> = {}): ClientPlansQuery {
  return {
    client: {
      id: CLIENT_ID,
      displayName: 'Dana Fontaine',
      priorityRankings: [],
      actionPlans: [
        {
          id: 'plan-1',
          status: 'ACTIVE',
          version: 3,
          createdAt: '2026-10-21T16:00:00Z',
          createdBy: { displayName: 'Casey Morgan' },
          progress: { goalsTotal: 1, goalsAchieved: 0, stepsTotal: 2, stepsComplete: 1, overdueSteps: 1, percentComplete: 50 },
          goalsNotSmart: [{ id: 'goal-1' }],
          goals: [
            {
              id: 'goal-1',
              description: 'Obtain a class 5 driver licence',
              term: 'MID',
              targetDate: '2027-01-22',
              status: 'OPEN',
              smart: { specific: true, measurable: false, achievable: true, relevant: true, timeLimited: true, missing: ['MEASURABLE'] },
              tasks: [
                {
                  id: 'task-1',
                  title: 'Build a job-search routine',
                  steps: [
                    {
                      id: 'step-1',
                      description: 'Update the resume',
                      estimatedTime: '2 hours',
                      dueDate: '2026-11-13',
                      completedAt: '2026-11-12',
                      outcome: 'COMPLETE',
                      whoHelps: null,
                      overdue: false,
                    },
                    {
                      id: 'step-2',
                      description: 'Apply to three postings',
                      estimatedTime: null,
                      dueDate: '2026-11-21',
                      completedAt: null,
                      outcome: 'BROUGHT_FORWARD',
                      whoHelps: null,
                      overdue: true,
                    },
                  ],
                },
              ],
            },
          ],
          agreement: null,
          agreementHistory: [],
          revisions: [
            {
              id: 'rev-1',
              version: 2,
              revisedAt: '2026-11-12T12:00:00Z',
              revisedBy: { displayName: 'Casey Morgan' },
              rationale: 'Childcare fell through',
              summary: 'Step brought forward',
            },
          ],
          ...planPatch,
        },
      ],
    },
  };
}

type InboxRow = InboxQuery['incomingReferrals']['edges'][number]['node'];

export function inbox(rows: Array<Partial<InboxRow>>): InboxQuery {
  return {
    incomingReferrals: {
      totalCount: rows.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: rows.map((r, i) => ({
        cursor: `r${i}`,
        node: {
          id: `ref-${i}`,
          status: 'SENT',
          urgency: 'ROUTINE',
          need: 'Food',
          sentAt: '2026-11-20T12:00:00Z',
          respondBy: '2026-12-04T12:00:00Z',
          service: { id: 's', name: 'Weekly Food Pantry' },
          client: { id: CLIENT_ID, displayName: 'Dana Fontaine' },
          ...r,
        },
      })),
    },
  };
}

export function partnerReferral(patch: Partial<NonNullable<PartnerReferralQuery['referral']>> = {}): PartnerReferralQuery {
  return {
    referral: {
      id: 'ref-0',
      status: 'SENT',
      urgency: 'URGENT',
      need: 'Food and housing: not enough food at home',
      necessaryRationale: 'The barrier blocks the employment goal.',
      appropriateRationale: 'Close to the client.',
      paidByContract: false,
      sentAt: '2026-11-20T12:00:00Z',
      respondBy: '2026-12-04T12:00:00Z',
      followUpAt: null,
      declineReason: null,
      outcome: null,
      referredBy: { displayName: 'Casey Morgan', email: 'casey@demo.caseflow' },
      service: { id: 's', name: 'Weekly Food Pantry' },
      history: [{ id: 'e1', status: 'SENT', at: '2026-11-20T12:00:00Z', note: null, actor: { displayName: 'Casey Morgan' } }],
      client: {
        id: CLIENT_ID,
        displayName: 'Dana Fontaine',
        firstName: 'Dana',
        lastName: 'Fontaine',
        preferredName: null,
        contactPreference: {
          method: 'PHONE',
          phone: '902-555-0100',
          email: null,
          voicemailAllowed: false,
          publicGreeting: 'A wave is fine',
          notes: null,
        },
        address: null,
        latestAssessment: null,
        activePlan: null,
      },
      ...patch,
    },
  };
}

/** The answer of `AgencyCaseManagers` (`staffMembers`): these colleagues, active unless said otherwise. */
export function agencyStaffReply(staff: Array<{ id: string; displayName: string; role: Role; active?: boolean }>): {
  data: AgencyCaseManagersQuery;
} {
  return {
    data: {
      staffMembers: {
        edges: staff.map((s) => ({ node: { id: s.id, displayName: s.displayName, role: s.role, active: s.active ?? true } })),
      },
    },
  };
}
