/**
 * The demo's notifications: a few unread for Casey (answers to her
 * referrals, an overdue step, an expiring consent) and for Pat (referrals
 * received at Northside Food Bank), a few hours old on the world's day.
 * Deterministic ids, so that seeding twice writes them once.
 */
import { type DemoWorld, demoId, demoStaff, NORTHSIDE_ID } from '@caseflow/demo';
import type { NewNotification } from '@caseflow/notifications';

/** A demo notification: one listed in the app, with its id and the time it was made. */
export type SeededNotification = Pick<
  NewNotification,
  'eventId' | 'recipientId' | 'organizationId' | 'kind' | 'message' | 'clientId' | 'referralId'
> & { id: string; createdAt: Date };

const HOUR = 3_600_000;

export function demoNotifications(world: DemoWorld): SeededNotification[] {
  const casey = demoStaff('casey');
  const pat = demoStaff('pat');
  const serviceName = new Map(world.services.map((s) => [s.id, s.name]));
  const organizationName = new Map(world.organizations.map((o) => [o.id, o.name]));
  const out: SeededNotification[] = [];
  const add = (key: string, n: Omit<SeededNotification, 'id' | 'eventId' | 'createdAt'>) =>
    out.push({
      ...n,
      id: demoId('notification', key),
      eventId: demoId('notification-event', key),
      createdAt: new Date(world.today.getTime() - (out.length + 1) * 2 * HOUR),
    });

  for (const r of world.referrals.filter((r) => r.organizationId === NORTHSIDE_ID && r.status === 'SENT').slice(0, 2)) {
    add(`received:${r.id}`, {
      recipientId: pat.id,
      organizationId: pat.organizationId,
      kind: 'REFERRAL_RECEIVED',
      message: `New referral to ${serviceName.get(r.serviceId) ?? 'a service'}.`,
      clientId: r.clientId,
      referralId: r.id,
    });
  }
  const answered = world.referrals.filter((r) => r.referredById === casey.id && ['ACCEPTED', 'DECLINED', 'WAITLISTED'].includes(r.status));
  for (const r of answered.slice(0, 2)) {
    add(`answered:${r.id}`, {
      recipientId: casey.id,
      organizationId: casey.organizationId,
      kind: 'REFERRAL_ANSWERED',
      message: `Referral to ${organizationName.get(r.organizationId) ?? 'the partner agency'} ${r.status.toLowerCase()} (${serviceName.get(r.serviceId) ?? 'a service'}).`,
      clientId: r.clientId,
      referralId: r.id,
    });
  }
  const client = world.clients.find((c) => c.caseManagerId === casey.id && c.status !== 'CLOSED');
  if (client) {
    add(`step-overdue:${client.id}`, {
      recipientId: casey.id,
      organizationId: casey.organizationId,
      kind: 'STEP_OVERDUE',
      message: 'A plan step is overdue.',
      clientId: client.id,
      referralId: null,
    });
    add(`consent-expiring:${client.id}`, {
      recipientId: casey.id,
      organizationId: casey.organizationId,
      kind: 'CONSENT_EXPIRING',
      message: 'A consent expires within 14 days.',
      clientId: client.id,
      referralId: null,
    });
  }
  return out;
}
