/**
 * The plans subgraph's part of the demo world, derived (deterministically)
 * from `DemoWorld`: the world's plans with a task and steps under each goal,
 * plus what makes a client's file read like a real one — DRAFT plans for
 * clients still in intake, an earlier COMPLETED or CANCELLED plan for most
 * other clients (about five months back, so that goal-attainment cells are
 * both large enough to show and small enough to be suppressed), revisions
 * with rationales, steps brought forward, overdue steps, and prioritizing
 * grids for some clients.
 */
import { type DemoClient, type DemoGoal, type DemoPlan, type DemoWorld, demoId } from '@caseflow/demo';
import {
  calendarDate,
  describeStepChange,
  type GoalStatus,
  type GoalTerm,
  type PairwiseChoice,
  type PlanStatus,
  rankByWins,
  type Ranked,
  type RevisedEntityType,
  type RevisionChanges,
  type StepDiff,
  type StepOutcome,
} from '@caseflow/plans';

const DAY = 86_400_000;

export interface SeedStep {
  id: string;
  position: number;
  description: string;
  estimatedTime: string;
  dueDate: string;
  completedAt: string | null;
  outcome: StepOutcome;
  whoHelps: string | null;
}

export interface SeedGoal {
  id: string;
  position: number;
  description: string;
  term: GoalTerm;
  targetDate: string | null;
  status: GoalStatus;
  smart: { specific: boolean; measurable: boolean; achievable: boolean; relevant: boolean; timeLimited: boolean };
  task: { id: string; title: string; steps: SeedStep[] };
}

export interface SeedRevision {
  id: string;
  version: number;
  revisedAt: Date;
  revisedBy: string;
  rationale: string;
  summary: string;
  entityType: RevisedEntityType;
  entityId: string;
  changes: RevisionChanges;
}

export interface SeedPlan {
  id: string;
  clientId: string;
  organizationId: string;
  status: PlanStatus;
  createdAt: Date;
  createdBy: string;
  /** 1 + the number of revisions. */
  version: number;
  goals: SeedGoal[];
  revisions: SeedRevision[];
  /** The client's agreement to this version, just after its last revision; none while it awaits agreement. */
  agreement?: SeedAgreement;
}

export interface SeedAgreement {
  id: string;
  method: 'IN_PERSON_SIGNATURE' | 'VERBAL' | 'ELECTRONIC';
  note: string | null;
}

const AGREEMENT_METHODS: SeedAgreement['method'][] = ['IN_PERSON_SIGNATURE', 'VERBAL', 'ELECTRONIC'];

/** One of every three active plans was agreed by its client (in person, verbally or electronically, in turn); the others await agreement. */
function withAgreements(plans: SeedPlan[]): SeedPlan[] {
  let active = 0;
  return plans.map((plan) => {
    if (plan.status !== 'ACTIVE') return plan;
    const n = active++;
    if (n % 3 !== 0) return plan;
    const note = n % 2 === 0 ? 'Went through the goals together; the client agreed to all of them.' : null;
    return { ...plan, agreement: { id: demoId('plan-agreement', plan.id), method: AGREEMENT_METHODS[(n / 3) % 3], note } };
  });
}

export interface SeedRanking {
  id: string;
  clientId: string;
  organizationId: string;
  items: string[];
  choices: PairwiseChoice[];
  ranked: Ranked[];
  createdAt: Date;
  createdBy: string;
}

type StepTemplate = [description: string, estimatedTime: string, whoHelps: string | null];

const TASKS: Array<{ title: string; steps: StepTemplate[] }> = [
  {
    title: 'Prepare the paperwork',
    steps: [
      ['Gather identification and recent pay stubs', '1 hour', null],
      ['Fill in the application together', '2 hours', 'Case manager'],
      ['Submit the application and keep a copy', '30 minutes', null],
    ],
  },
  {
    title: 'Build a job-search routine',
    steps: [
      ['Update the resume with recent experience', '2 hours', 'Job Search Workshop'],
      ['Apply to three postings', 'One afternoon', null],
      ['Follow up on each application by phone', '1 hour', null],
    ],
  },
  {
    title: 'Line up the supports needed',
    steps: [
      ['Call the service to book an intake', '20 minutes', 'Case manager'],
      ['Arrange a ride to appointments', '1 hour', 'Family member'],
      ['Attend the first appointment', 'Half a day', null],
    ],
  },
];

const BROUGHT_FORWARD_WHY = [
  'Client started a two-week training course; the step waits until it ends.',
  'Childcare fell through this week; rescheduled together with the client.',
  'The employer postponed its information session.',
];
const ACHIEVED_WHY = ['Client confirmed the goal is met and brought proof.', 'Goal reached ahead of the target date.'];
const NEEDS = ['Stable housing', 'Enough food at home', 'Driver licence', 'Childcare', 'Updated resume', 'Reliable transportation'];

const label = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Revisions of one plan, spread evenly between its creation and `until`, numbered from version 2. */
class History {
  readonly revisions: SeedRevision[] = [];
  private readonly pending: Array<Omit<SeedRevision, 'id' | 'version' | 'revisedAt'>> = [];

  constructor(private readonly planId: string) {}

  add(entry: Omit<SeedRevision, 'id' | 'version' | 'revisedAt' | 'revisedBy'>, revisedBy: string): void {
    this.pending.push({ ...entry, revisedBy });
  }

  close(createdAt: Date, until: Date): SeedRevision[] {
    const span = until.getTime() - createdAt.getTime();
    this.pending.forEach((entry, i) => {
      this.revisions.push({
        ...entry,
        id: demoId('revision', `${this.planId}:${i + 2}`),
        version: i + 2,
        revisedAt: new Date(createdAt.getTime() + (span * (i + 1)) / (this.pending.length + 1)),
      });
    });
    return this.revisions;
  }
}

/**
 * The task and steps of one goal of the world's plans, around `today`: the
 * first step done; the second three days overdue for two goals in three (due
 * in five days for the rest), or brought forward for one goal in five — to
 * next week, or (one in ten) to a date that has since passed again; the third
 * due in two weeks. Every step of a settled goal or plan is complete. Dates
 * never fall before the plan's creation day.
 */
function worldTask(goal: DemoGoal, plan: DemoPlan, n: number, today: Date, history: History): SeedGoal['task'] {
  const template = TASKS[n % TASKS.length];
  const taskId = demoId('task', goal.id);
  const settled = goal.status !== 'OPEN' || plan.status !== 'ACTIVE';
  const floor = calendarDate(plan.createdAt);
  const date = (offset: number) => {
    const d = calendarDate(new Date(today.getTime() + offset * DAY));
    return d < floor ? floor : d;
  };
  const count = 2 + (n % 2);
  const steps = template.steps.slice(0, count).map(([description, estimatedTime, whoHelps], k): SeedStep => {
    const row = { id: demoId('step', `${goal.id}:${k}`), position: k, description, estimatedTime, whoHelps };
    if (k === 0 || settled) {
      const due = [-10, -3, 14][k];
      return { ...row, dueDate: date(due), completedAt: date(Math.min(due, 0) - 1), outcome: 'COMPLETE' };
    }
    const [from, to] = n % 10 === 1 ? [date(-12), date(-2)] : [date(-6), date(8)];
    if (k === 1 && n % 5 === 1 && from !== to) {
      const diff: StepDiff = { outcome: ['NOT_STARTED', 'BROUGHT_FORWARD'], dueDate: [from, to] };
      history.add(
        {
          rationale: BROUGHT_FORWARD_WHY[n % BROUGHT_FORWARD_WHY.length],
          summary: describeStepChange(description, diff),
          entityType: 'PlanStep',
          entityId: row.id,
          changes: diff as RevisionChanges,
        },
        plan.createdById,
      );
      return { ...row, dueDate: to, completedAt: null, outcome: 'BROUGHT_FORWARD' };
    }
    if (k === 1 && n % 3 !== 2)
      return { ...row, dueDate: date(-3), completedAt: null, outcome: n % 3 === 0 ? 'IN_PROGRESS' : 'NOT_STARTED' };
    return { ...row, dueDate: date(k === 1 ? 5 : 14), completedAt: null, outcome: 'NOT_STARTED' };
  });
  return { id: taskId, title: template.title, steps };
}

function worldPlan(plan: DemoPlan, nextGoal: () => number, today: Date): SeedPlan {
  const history = new History(plan.id);
  const goals = plan.goals.map((goal, position): SeedGoal => {
    const n = nextGoal();
    const task = worldTask(goal, plan, n, today, history);
    if (goal.status === 'ACHIEVED') {
      history.add(
        {
          rationale: ACHIEVED_WHY[n % ACHIEVED_WHY.length],
          summary: `Goal "${label(goal.description)}": OPEN → ACHIEVED`,
          entityType: 'Goal',
          entityId: goal.id,
          changes: { status: ['OPEN', 'ACHIEVED'] },
        },
        plan.createdById,
      );
    }
    return {
      id: goal.id,
      position,
      description: goal.description,
      term: goal.term,
      targetDate: goal.targetDate,
      status: goal.status,
      // Some goals are left not yet "relevant", so that the SMART check shows both answers.
      smart: {
        specific: true,
        measurable: true,
        achievable: true,
        relevant: position === 0 || goal.term !== 'LONG',
        timeLimited: goal.targetDate !== null,
      },
      task,
    };
  });
  if (plan.status === 'COMPLETED') {
    history.add(
      {
        rationale: "Client started full-time work; the plan's goals are met.",
        summary: 'Plan completed',
        entityType: 'ActionPlan',
        entityId: plan.id,
        changes: { status: ['ACTIVE', 'COMPLETED'] },
      },
      plan.createdById,
    );
  }
  const revisions = history.close(plan.createdAt, new Date(today.getTime() - DAY / 4));
  return {
    id: plan.id,
    clientId: plan.clientId,
    organizationId: plan.organizationId,
    status: plan.status,
    createdAt: plan.createdAt,
    createdBy: plan.createdById,
    version: 1 + revisions.length,
    goals,
    revisions,
  };
}

/** A draft being worked out at intake: one SMART goal and one the client and case manager still have to make measurable. */
function draftPlan(client: DemoClient, n: number, today: Date): SeedPlan {
  const id = demoId('plan', `draft:${client.id}`);
  const createdAt = new Date(today.getTime() - (2 + (n % 3)) * DAY);
  const due = (days: number) => calendarDate(new Date(today.getTime() + days * DAY));
  const goal = (g: number, description: string, term: GoalTerm, smart: boolean, template: number): SeedGoal => ({
    id: demoId('goal', `${id}:${g}`),
    position: g,
    description,
    term,
    targetDate: smart ? due(45 + g * 30) : null,
    status: 'OPEN',
    smart: { specific: true, measurable: smart, achievable: true, relevant: true, timeLimited: smart },
    task: {
      id: demoId('task', `${id}:${g}`),
      title: TASKS[template].title,
      steps: TASKS[template].steps.map(([description, estimatedTime, whoHelps], k) => ({
        id: demoId('step', `${id}:${g}:${k}`),
        position: k,
        description,
        estimatedTime,
        whoHelps,
        dueDate: due(7 * (k + 1)),
        completedAt: null,
        outcome: 'NOT_STARTED',
      })),
    },
  });
  return {
    id,
    clientId: client.id,
    organizationId: client.organizationId,
    status: 'DRAFT',
    createdAt,
    createdBy: client.caseManagerId,
    version: 1,
    revisions: [],
    goals: [
      goal(0, 'Apply to three jobs in the warehouse sector within six weeks', 'SHORT', true, 1),
      goal(1, 'Feel more confident in job interviews', 'MID', false, 2),
    ],
  };
}

/**
 * An earlier plan, made in the same month for every client who was already
 * in intake by then: COMPLETED when the world's plan replaced it, or
 * CANCELLED (one in six). Its short-term goal was mostly achieved, its
 * mid-term goal mostly not.
 */
function earlierPlan(client: DemoClient, successor: DemoPlan, n: number, month: Date): SeedPlan {
  const id = demoId('plan', `earlier:${client.id}`);
  const createdAt = new Date(month.getTime() + (n % 5) * DAY);
  const cancelled = n % 6 === 5;
  const at = (days: number) => calendarDate(new Date(createdAt.getTime() + days * DAY));
  const history = new History(id);
  const goals = (
    [
      ['Attend weekly food pantry until income is stable', 'SHORT'],
      ['Obtain a class 5 driver licence', 'MID'],
    ] as const
  ).map(([description, term], g): SeedGoal => {
    const achieved = !cancelled && (term === 'SHORT' ? n % 4 !== 3 : n % 5 === 0);
    const status: GoalStatus = cancelled ? 'OPEN' : achieved ? 'ACHIEVED' : 'NOT_ACHIEVED';
    const goalId = demoId('goal', `${id}:${g}`);
    if (status !== 'OPEN') {
      history.add(
        {
          rationale: achieved ? ACHIEVED_WHY[n % ACHIEVED_WHY.length] : 'Licence test postponed twice; carried into the next plan.',
          summary: `Goal "${label(description)}": OPEN → ${status}`,
          entityType: 'Goal',
          entityId: goalId,
          changes: { status: ['OPEN', status] },
        },
        successor.createdById,
      );
    }
    const template = TASKS[(n + g) % TASKS.length];
    return {
      id: goalId,
      position: g,
      description,
      term,
      targetDate: at(30 * (g + 1)),
      status,
      smart: { specific: true, measurable: true, achievable: true, relevant: true, timeLimited: true },
      task: {
        id: demoId('task', `${id}:${g}`),
        title: template.title,
        steps: template.steps.map(([stepDescription, estimatedTime, whoHelps], k): SeedStep => {
          const done = k === 0 || achieved;
          return {
            id: demoId('step', `${id}:${g}:${k}`),
            position: k,
            description: stepDescription,
            estimatedTime,
            whoHelps,
            dueDate: at(7 * (k + 1)),
            completedAt: done ? at(7 * (k + 1) - 1) : null,
            outcome: done ? 'COMPLETE' : k === 1 && !cancelled ? 'CANCELLED' : 'NOT_STARTED',
          };
        }),
      },
    };
  });
  history.add(
    cancelled
      ? {
          rationale: 'Client moved out of the region for the summer; a new plan was made on return.',
          summary: 'Plan cancelled',
          entityType: 'ActionPlan',
          entityId: id,
          changes: { status: ['ACTIVE', 'CANCELLED'] },
        }
      : {
          rationale: 'A new active plan replaces this one.',
          summary: 'Plan completed: replaced by a new active plan',
          entityType: 'ActionPlan',
          entityId: id,
          changes: { status: ['ACTIVE', 'COMPLETED'], replacedBy: [null, successor.id] },
        },
    successor.createdById,
  );
  const revisions = history.close(createdAt, successor.createdAt);
  return {
    id,
    clientId: client.id,
    organizationId: client.organizationId,
    status: cancelled ? 'CANCELLED' : 'COMPLETED',
    createdAt,
    createdBy: successor.createdById,
    version: 1 + revisions.length,
    goals,
    revisions,
  };
}

/** A grid of four or five needs, ranked the week before the client's plan was made. */
function ranking(client: DemoClient, plan: DemoPlan, n: number): SeedRanking {
  const items = NEEDS.slice(n % 2, (n % 2) + 4 + (n % 2));
  // Each item has a weight; the heavier wins, equal weights go to the first — which leaves a tie to show.
  const weight = items.map((_, i) => (i * (n + 3)) % 5);
  const choices: PairwiseChoice[] = [];
  for (let a = 0; a < items.length; a += 1) {
    for (let b = a + 1; b < items.length; b += 1) choices.push({ a, b, winner: weight[b] > weight[a] ? b : a });
  }
  return {
    id: demoId('ranking', client.id),
    clientId: client.id,
    organizationId: client.organizationId,
    items,
    choices,
    ranked: rankByWins(items, choices),
    createdAt: new Date(plan.createdAt.getTime() - 7 * DAY),
    createdBy: plan.createdById,
  };
}

/** Everything the plans seed writes for `world`. */
export interface PlansSeedOptions {
  /** Whether some active plans carry their client's agreement (the demo: yes; a test that agrees plans itself: no). */
  agreements?: boolean;
}

export function plansSeed(world: DemoWorld, options: PlansSeedOptions = {}): { plans: SeedPlan[]; rankings: SeedRanking[] } {
  const { today } = world;
  let goalCounter = 0;
  const plans = world.plans.map((plan) => worldPlan(plan, () => goalCounter++, today));
  const earlierMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 5, 10, 14));
  const rankings: SeedRanking[] = [];
  world.clients.forEach((client, n) => {
    const current = world.plans.find((p) => p.clientId === client.id);
    if (client.status === 'INTAKE') plans.push(draftPlan(client, n, today));
    if (current && client.intakeDate < calendarDate(earlierMonth)) plans.push(earlierPlan(client, current, n, earlierMonth));
    if (current && client.status === 'ACTIVE' && n % 3 === 0) rankings.push(ranking(client, current, n));
  });
  return { plans: options.agreements === false ? plans : withAgreements(plans), rankings };
}
