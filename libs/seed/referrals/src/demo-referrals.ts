/**
 * The referrals of the demo, derived from the demo world: the world's
 * current referrals (one per active, on-hold or closed client, in every
 * status) and twelve months of closed loops on jordan's caseload, so that
 * outcome figures have cells that reach the reporting threshold of 11 (the
 * busy months at the Weekly Food Pantry) and cells that stay suppressed.
 * Deterministic for a given world; ids come from `demoId`.
 */
import {
  DEMO_STAFF,
  type DemoReferral,
  type DemoReferralEvent,
  type DemoReferralStatus,
  type DemoService,
  type DemoWorld,
  NORTHSIDE_ID,
  demoId,
  demoStaff,
} from '@caseflow/demo';

/** A demo referral with what this subgraph stores beyond the world's description. */
export interface SeededReferral extends DemoReferral {
  serviceAtLocationId: string | null;
  goalId: string | null;
  taxonomyTermIds: string[];
  firstResponseAt: Date | null;
  acceptedAt: Date | null;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Months of history before the current month. */
export const HISTORY_MONTHS = 12;
/** Referrals to the food pantry in a busy month (one per client): enough to be reported. */
const BUSY_MONTH_REFERRALS = 13;
const RESPONSE_WINDOW_DAYS = 14;

/** The directory's id for an Open Eligibility code (the resources subgraph's convention, shared through `demoId`). */
export const taxonomyTermId = (code: string): string => demoId('taxonomy_term', code);

const NEEDS: Array<[RegExp, string]> = [
  [/food|meal|hamper|pantry/i, 'Food security: not enough food at home'],
  [/housing|rent|shelter/i, 'Housing: at risk of losing housing'],
  [/care|counselling/i, 'Health: no family doctor; stress affects the job search'],
  [/literacy|ged/i, 'Education: reading and writing for job applications'],
];
const needOf = (service: DemoService) => NEEDS.find(([pattern]) => pattern.test(service.name))?.[1] ?? 'Support for the employment plan';
const DECLINE_REASONS = ['No capacity this month', 'Outside our service area', 'Client does not meet the eligibility criteria'];

type Ending = 'COMPLETED' | 'NO_SHOW' | 'DECLINED' | 'EXPIRED' | 'CANCELLED' | 'NOT_ELIGIBLE';
/** How quiet months' referrals end, in turn. */
const QUIET_ENDINGS: Ending[] = ['COMPLETED', 'DECLINED', 'EXPIRED', 'COMPLETED', 'CANCELLED', 'NOT_ELIGIBLE'];
/** How a busy month's referrals end after its completions. */
const BUSY_TAIL: Ending[] = ['DECLINED', 'EXPIRED', 'CANCELLED'];

function partnerOf(organizationId: string): string | null {
  return DEMO_STAFF.find((s) => s.role === 'PARTNER' && s.organizationId === organizationId)?.id ?? null;
}

/** Twelve months of closed referrals on jordan's caseload (clients with a plan, referred only after their intake). */
function historyReferrals(world: DemoWorld): DemoReferral[] {
  const jordan = demoStaff('jordan');
  const withPlan = new Set(world.plans.map((p) => p.clientId));
  const caseload = world.clients.filter((c) => c.caseManagerId === jordan.id && withPlan.has(c.id));
  const elsewhere = world.services.filter((s) => s.organizationId !== jordan.organizationId);
  const pantry = elsewhere.find((s) => s.organizationId === NORTHSIDE_ID && s.name === 'Weekly Food Pantry') ?? elsewhere[0];
  const today = world.today;
  const referrals: DemoReferral[] = [];

  for (let m = 1; m <= HISTORY_MONTHS; m += 1) {
    const monthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - m, 1);
    const eligible = caseload.filter((c) => Date.parse(c.intakeDate) <= monthStart);
    const busy = m % 3 === 2;
    const count = Math.min(busy ? BUSY_MONTH_REFERRALS : 3 + (m % 4), eligible.length);
    // One busy month completes only 10, so that its completion count (and rate) stays suppressed.
    const completions = m === 5 ? 10 : 11;
    for (let k = 0; k < count; k += 1) {
      const client = eligible[(k + m) % eligible.length];
      const service = busy ? pantry : elsewhere[(k * 2 + m) % elsewhere.length];
      const partner = partnerOf(service.organizationId);
      let ending: Ending = busy
        ? k < completions
          ? k % 7 === 6
            ? 'NO_SHOW'
            : 'COMPLETED'
          : BUSY_TAIL[k % BUSY_TAIL.length]
        : QUIET_ENDINGS[(k + m) % QUIET_ENDINGS.length];
      // Organizations without Caseflow staff never answer in the demo: their referrals expire or are cancelled.
      if (!partner && ending !== 'CANCELLED') ending = 'EXPIRED';

      const key = `history:${m}:${k}`;
      const createdAt = new Date(monthStart + (1 + ((k * 3) % 10)) * DAY + 9 * HOUR);
      const sentAt = new Date(createdAt.getTime() + 2 * HOUR);
      const respondBy = new Date(sentAt.getTime() + RESPONSE_WINDOW_DAYS * DAY);
      const answeredAt = new Date(sentAt.getTime() + (1 + ((k * 7 + m) % 5)) * DAY + 6 * HOUR);
      const events: DemoReferralEvent[] = [];
      const push = (status: DemoReferralStatus, at: Date, actorId: string | null, note: string | null) =>
        events.push({ id: demoId('event', `${key}:${events.length}`), status, at, actorId, note });
      push('DRAFT', createdAt, jordan.id, null);
      push('SENT', sentAt, jordan.id, null);
      let status: DemoReferralStatus;
      let declineReason: string | null = null;
      let outcome: string | null = null;
      switch (ending) {
        case 'COMPLETED':
        case 'NO_SHOW':
        case 'NOT_ELIGIBLE':
          push('ACCEPTED', answeredAt, partner, 'Intake booked');
          push('IN_PROGRESS', new Date(answeredAt.getTime() + 2 * DAY), partner, null);
          outcome = ending === 'COMPLETED' ? 'SERVICE_PROVIDED' : ending === 'NO_SHOW' ? 'CLIENT_DID_NOT_ATTEND' : 'NOT_ELIGIBLE';
          push('COMPLETED', new Date(answeredAt.getTime() + 7 * DAY), partner, outcome === 'SERVICE_PROVIDED' ? 'Service provided' : null);
          status = 'COMPLETED';
          break;
        case 'DECLINED':
          declineReason = DECLINE_REASONS[(k + m) % DECLINE_REASONS.length];
          push('DECLINED', answeredAt, partner, declineReason);
          status = 'DECLINED';
          break;
        case 'CANCELLED':
          push('CANCELLED', new Date(sentAt.getTime() + 3 * DAY), jordan.id, 'Client found another program');
          status = 'CANCELLED';
          break;
        case 'EXPIRED':
          push('EXPIRED', new Date(respondBy.getTime() + HOUR), null, 'No answer by the deadline');
          status = 'EXPIRED';
          break;
      }
      referrals.push({
        id: demoId('referral', key),
        clientId: client.id,
        clientOrganizationId: client.organizationId,
        serviceId: service.id,
        organizationId: service.organizationId,
        referredById: jordan.id,
        need: needOf(service),
        necessaryRationale: 'The barrier blocks progress on the employment goal.',
        appropriateRationale: 'The service is close to the client and has capacity.',
        urgency: (['ROUTINE', 'ROUTINE', 'SOON', 'URGENT'] as const)[(k + m) % 4],
        status,
        createdAt,
        sentAt,
        respondBy,
        declineReason,
        outcome,
        events,
      });
    }
  }
  return referrals;
}

/**
 * Every demo referral this subgraph seeds: the world's and the history. A
 * world referral still waiting for an answer gets a deadline at least a week
 * ahead, so that the running demo's expiry sweep leaves the inbox as the
 * world describes it.
 */
export function demoReferrals(world: DemoWorld): SeededReferral[] {
  const services = new Map(world.services.map((s) => [s.id, s]));
  const plans = new Map(world.plans.map((p) => [p.clientId, p]));
  const nextWeek = new Date(world.today.getTime() + 7 * DAY);
  const waiting = (r: DemoReferral) => r.status === 'SENT' || r.status === 'WAITLISTED';
  const current = world.referrals.map((r) =>
    waiting(r) && r.respondBy !== null && r.respondBy < nextWeek ? { ...r, respondBy: nextWeek } : r,
  );
  return [...current, ...historyReferrals(world)].map((r, i) => {
    const service = services.get(r.serviceId);
    const plan = plans.get(r.clientId);
    const history = i >= current.length;
    const answered = r.events.find((e) => e.status === 'ACCEPTED' || e.status === 'DECLINED' || e.status === 'WAITLISTED');
    return {
      ...r,
      serviceAtLocationId: service?.serviceAtLocationId ?? null,
      // A history referral addresses the first goal of the client's plan when the plan existed by then.
      goalId: history && plan && plan.createdAt <= r.createdAt && plan.goals.length > 0 ? plan.goals[0].id : null,
      taxonomyTermIds: (service?.taxonomyCodes ?? []).map(taxonomyTermId),
      firstResponseAt: answered?.at ?? null,
      acceptedAt: r.events.find((e) => e.status === 'ACCEPTED')?.at ?? null,
    };
  });
}
