/**
 * The clients subgraph's consumer of the other subgraphs' events: it keeps
 * what they say about a client's caseload priority (overdue plan steps,
 * referral answers and expiries, follow-ups due, missed appointments) in
 * `clients.priority_signal` and recomputes that client's priority, in the
 * consumer's transaction. Idempotent and order-safe: a fact is replaced only
 * by a later one, and an event applied twice changes nothing the second time
 * (the priority is recomputed from the same facts).
 */
import type { EntityManager } from 'typeorm';
import {
  type DomainEvent,
  type EventConsumer,
  type EventConsumerFactory,
  type EventPayloads,
  type EventType,
  REFERRAL_PROGRESS_EVENTS,
} from '@caseflow/events';
import { recomputePriorities } from './priority.store';
import { endSignal, signalStatus, type SignalWrite, upsertSignal } from './signals.sql';

export const CLIENTS_CONSUMED_EVENTS = [
  'plan.step_overdue',
  'plan.steps_changed',
  ...REFERRAL_PROGRESS_EVENTS,
  'appointment.missed',
  'appointment.attended',
] as const satisfies readonly EventType[];

type Consumed = (typeof CLIENTS_CONSUMED_EVENTS)[number];

/** A referral status after which its follow-up no longer counts. */
const REFERRAL_ENDED = new Set(['DECLINED', 'EXPIRED', 'COMPLETED', 'CANCELLED']);

const REFERRAL_STATUS_OF: Partial<Record<Consumed, string>> = {
  'referral.started': 'STARTED',
  'referral.completed': 'COMPLETED',
  'referral.expired': 'EXPIRED',
  'referral.cancelled': 'CANCELLED',
};

/** Applies one event's fact; true when it changed what the priority is computed from. */
async function apply(manager: EntityManager, event: DomainEvent): Promise<{ clientId: string; changed: boolean }> {
  const fact = (clientId: string, write: Omit<SignalWrite, 'clientId' | 'eventId' | 'at'> & { at?: Date }) =>
    upsertSignal(manager, { clientId, eventId: event.id, at: new Date(event.occurredAt), ...write });
  const type = event.type as Consumed;
  switch (type) {
    case 'plan.step_overdue':
    case 'plan.steps_changed': {
      const p = event.payload as EventPayloads['plan.steps_changed'];
      const base = { kind: 'STEPS_OVERDUE' as const, subjectId: p.clientId, status: null, label: null, day: null };
      return { clientId: p.clientId, changed: await fact(p.clientId, { ...base, count: p.overdueStepIds.length }) };
    }
    case 'referral.answered': {
      const p = event.payload as EventPayloads['referral.answered'];
      const changed = await fact(p.clientId, referralFact(p.referralId, p.answer, p.receivingOrganizationName));
      if (p.answer === 'DECLINED') await endSignal(manager, p.clientId, 'FOLLOW_UP', p.referralId);
      return { clientId: p.clientId, changed };
    }
    case 'referral.started':
    case 'referral.completed':
    case 'referral.expired':
    case 'referral.cancelled': {
      const p = event.payload as EventPayloads['referral.started'];
      const status = REFERRAL_STATUS_OF[type] as string;
      const changed = await fact(p.clientId, referralFact(p.referralId, status, p.receivingOrganizationName));
      const forgot = REFERRAL_ENDED.has(status) && (await endSignal(manager, p.clientId, 'FOLLOW_UP', p.referralId));
      return { clientId: p.clientId, changed: changed || forgot };
    }
    case 'referral.follow_up_due': {
      const p = event.payload as EventPayloads['referral.follow_up_due'];
      const known = await signalStatus(manager, p.clientId, 'REFERRAL', p.referralId);
      if (known !== null && REFERRAL_ENDED.has(known)) return { clientId: p.clientId, changed: false };
      const follow = { kind: 'FOLLOW_UP' as const, subjectId: p.referralId, status: null, label: p.receivingOrganizationName, count: 0 };
      return { clientId: p.clientId, changed: await fact(p.clientId, { ...follow, day: p.dueOn }) };
    }
    case 'appointment.missed':
    case 'appointment.attended': {
      const p = event.payload as EventPayloads['appointment.missed'];
      const status = type === 'appointment.missed' ? 'MISSED' : 'ATTENDED';
      const appointment = { kind: 'APPOINTMENT' as const, subjectId: p.appointmentId, status, label: null, count: 0, day: null };
      return { clientId: p.clientId, changed: await fact(p.clientId, { ...appointment, at: new Date(p.startsAt) }) };
    }
  }
}

const referralFact = (referralId: string, status: string, organizationName: string) => ({
  kind: 'REFERRAL' as const,
  subjectId: referralId,
  status,
  label: organizationName,
  count: 0,
  day: null,
});

/** The consumer (SubgraphDefinition `consumes`): its queue is `events.clients`. */
export function createClientsEventConsumer(now: () => Date = () => new Date()): EventConsumer {
  return {
    name: 'clients',
    types: CLIENTS_CONSUMED_EVENTS,
    async handle(event, manager) {
      if (!(CLIENTS_CONSUMED_EVENTS as readonly string[]).includes(event.type)) return;
      const { clientId, changed } = await apply(manager, event);
      if (changed) await recomputePriorities(manager, [clientId], now());
    },
  };
}

export const clientsEventConsumer: EventConsumerFactory = () => createClientsEventConsumer();
