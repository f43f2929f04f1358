/**
 * Appointments: scheduled by whoever has case access to the client (the
 * assigned case manager, the agency's supervisors), rescheduled, cancelled
 * and attended with a reason and the version the caller read. Each change
 * validates everything first, then runs under the client's (and staff
 * member's) row lock in one transaction with its audit event and its domain
 * event, so that two overlapping appointments cannot slip in side by side.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { checkReplay } from '@caseflow/audit';
import { badInput, forbidden, inputFingerprint, invalidTransition, notFound, optionalText, requiredText, uuid } from '@caseflow/core';
import { hasCaseAccess } from '../access/access.policy';
import { lockClient } from '../client/client.commands';
import { ClientEntity } from '../client/client.entity';
import { TEXT_MAX } from '../shared/validation';
import { StaffMemberEntity } from '../staff/staff.entity';
import { withCaseTeam } from '../team/team.access';
import type { AppointmentStatus } from './appointment.entity';
import { recordAppointmentEvent } from './appointment.events';
import type { RescheduleAppointmentInput, ScheduleAppointmentInput } from './appointment.inputs';
import { toAppointment } from './appointment.mapper';
import { requireOpenReferral } from './appointment.peers';
import { checkAttendanceTime, checkScheduled, checkVersion, checkWhen, overlapConflict } from './appointment.rules';
import {
  type AppointmentRow,
  appointmentByMutationId,
  appointmentsByIds,
  firstOverlap,
  insertAppointment,
  lockAppointment,
  rescheduleAppointmentRow,
  setAppointmentStatus,
} from './appointment.sql';
import type { Appointment, AttendanceOutcome } from './appointment.type';
import type { ClientsDeps } from '../deps';

const PLACE_MAX = 500;

export class AppointmentCommands {
  constructor(private readonly deps: ClientsDeps) {}

  async schedule(actor: Actor, input: ScheduleAppointmentInput): Promise<Appointment> {
    uuid('input.clientId', input.clientId);
    if (input.staffMemberId != null) uuid('input.staffMemberId', input.staffMemberId);
    checkWhen(input.startsAt, input.endsAt);
    const place = optionalText('input.place', input.place, { max: PLACE_MAX });
    const purpose = requiredText('input.purpose', input.purpose, { max: TEXT_MAX });
    const mutationId = optionalText('input.clientMutationId', input.clientMutationId, { max: 200 });
    if (input.kind === 'PARTNER_VISIT') uuid('input.referralId', input.referralId);
    else if (input.referralId != null) throw badInput('input.referralId', 'is set only for PARTNER_VISIT appointments');
    const staffMemberId = input.staffMemberId ?? actor.staffId;
    const referralId = input.kind === 'PARTNER_VISIT' ? (input.referralId as string) : null;
    const fingerprint = mutationId
      ? inputFingerprint({
          clientId: input.clientId,
          staffMemberId,
          kind: input.kind,
          startsAt: input.startsAt.toISOString(),
          endsAt: input.endsAt.toISOString(),
          place,
          purpose,
          referralId,
        })
      : null;
    if (mutationId) {
      const earlier = await appointmentByMutationId(this.deps.dataSource, actor.staffId, mutationId);
      if (earlier) return this.replay(actor, earlier, fingerprint);
    }
    if (referralId) {
      // Refused callers learn nothing of the referral: the access is checked before the referrals subgraph is asked.
      const found = await this.deps.dataSource.getRepository(ClientEntity).findOneBy({ id: input.clientId });
      const client = found && (await withCaseTeam(this.deps.dataSource, found));
      if (!client) throw notFound('Client', input.clientId);
      if (!hasCaseAccess(actor, client)) {
        this.deps.audit.note({ action: 'CREATE', entityType: 'Appointment', clientId: client.id, outcome: 'DENIED' });
        throw forbidden("You may not change this client's appointments");
      }
      await requireOpenReferral(this.deps.peers.referrals, referralId, client.id);
    }

    try {
      const row = await this.deps.dataSource.transaction(async (tx) => {
        const client = await this.lockForChange(tx, actor, input.clientId, 'CREATE', null);
        if (client.status === 'CLOSED')
          throw invalidTransition('A closed case must be re-opened before appointments are scheduled', { from: 'CLOSED' });
        await this.lockStaff(tx, staffMemberId, client.organizationId);
        if (!input.allowOverlap) {
          const other = await firstOverlap(tx, {
            staffMemberId,
            clientId: client.id,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            except: null,
          });
          if (other) throw overlapConflict(other);
        }
        const id = await insertAppointment(tx, {
          clientId: client.id,
          staffMemberId,
          kind: input.kind,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place,
          purpose,
          referralId,
          createdBy: actor.staffId,
          clientMutationId: mutationId,
          clientMutationFingerprint: fingerprint,
        });
        const [created] = await appointmentsByIds(tx, [id]);
        await this.deps.audit.write(tx, {
          action: 'CREATE',
          entityType: 'Appointment',
          entityId: id,
          clientId: client.id,
          detail: input.kind,
        });
        await recordAppointmentEvent(tx, 'appointment.scheduled', created);
        return created;
      });
      return toAppointment(row);
    } catch (error) {
      // A retry racing the first request with the same key: answer with the first one's appointment, under the same checks.
      if (mutationId && (error as { code?: string }).code === '23505') {
        const earlier = await appointmentByMutationId(this.deps.dataSource, actor.staffId, mutationId);
        if (earlier) return this.replay(actor, earlier, fingerprint);
      }
      throw error;
    }
  }

  async reschedule(actor: Actor, input: RescheduleAppointmentInput): Promise<Appointment> {
    uuid('input.appointmentId', input.appointmentId);
    checkWhen(input.startsAt, input.endsAt);
    const place = optionalText('input.place', input.place, { max: PLACE_MAX });
    const reason = requiredText('input.reason', input.reason, { max: TEXT_MAX });
    return this.change(actor, input.appointmentId, input.expectedVersion, 'RESCHEDULED', async (tx, current) => {
      if (!input.allowOverlap) {
        const other = await firstOverlap(tx, {
          staffMemberId: current.staff_member_id,
          clientId: current.client_id,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          except: current.id,
        });
        if (other) throw overlapConflict(other);
      }
      await rescheduleAppointmentRow(tx, {
        id: current.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: place ?? current.place,
        reason,
        by: actor.staffId,
      });
      return { event: 'appointment.rescheduled', reason, detail: 'rescheduled' };
    });
  }

  async cancel(actor: Actor, appointmentId: string, expectedVersion: number, reasonText: string): Promise<Appointment> {
    uuid('appointmentId', appointmentId);
    const reason = requiredText('reason', reasonText, { max: TEXT_MAX });
    return this.change(actor, appointmentId, expectedVersion, 'CANCELLED', async (tx, current) => {
      await setAppointmentStatus(tx, { id: current.id, status: 'CANCELLED', reason, by: actor.staffId });
      return { event: 'appointment.cancelled', reason, detail: 'cancelled' };
    });
  }

  async recordAttendance(
    actor: Actor,
    appointmentId: string,
    expectedVersion: number,
    outcome: AttendanceOutcome,
    noteText: string | null | undefined,
  ): Promise<Appointment> {
    uuid('appointmentId', appointmentId);
    const note = optionalText('note', noteText, { max: TEXT_MAX });
    return this.change(actor, appointmentId, expectedVersion, outcome, async (tx, current) => {
      checkAttendanceTime(current.starts_at, outcome);
      await setAppointmentStatus(tx, { id: current.id, status: outcome, reason: note, by: actor.staffId });
      return { event: outcome === 'ATTENDED' ? 'appointment.attended' : 'appointment.missed', detail: outcome.toLowerCase() };
    });
  }

  /** One change of an existing appointment: locked, access-checked, versioned, audited and told as an event. */
  private async change(
    actor: Actor,
    appointmentId: string,
    expectedVersion: number,
    to: AppointmentStatus | 'RESCHEDULED',
    apply: (
      tx: EntityManager,
      current: AppointmentRow,
    ) => Promise<{
      event: 'appointment.rescheduled' | 'appointment.cancelled' | 'appointment.attended' | 'appointment.missed';
      reason?: string;
      detail: string;
    }>,
  ): Promise<Appointment> {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 1)
      throw badInput('expectedVersion', 'must be a version number (1 or more)');
    const row = await this.deps.dataSource.transaction(async (tx) => {
      const found = (await appointmentsByIds(tx, [appointmentId]))[0];
      if (!found) throw notFound('Appointment', appointmentId);
      // The client first, then the appointment (the order scheduling takes its locks in).
      await this.lockForChange(tx, actor, found.client_id, 'UPDATE', appointmentId);
      await this.lockStaff(tx, found.staff_member_id, null);
      const current = (await lockAppointment(tx, appointmentId)) as AppointmentRow;
      checkVersion(current.version, expectedVersion);
      checkScheduled(current.status, to);
      const done = await apply(tx, current);
      const [changed] = await appointmentsByIds(tx, [appointmentId]);
      await this.deps.audit.write(tx, {
        action: 'UPDATE',
        entityType: 'Appointment',
        entityId: appointmentId,
        clientId: changed.client_id,
        detail: done.detail,
      });
      await recordAppointmentEvent(tx, done.event, changed, done.reason !== undefined ? { reason: done.reason } : {});
      return changed;
    });
    return toAppointment(row);
  }

  /** The client, locked; FORBIDDEN (and the denial audited) to a caller without case access. */
  private async lockForChange(
    tx: EntityManager,
    actor: Actor,
    clientId: string,
    action: 'CREATE' | 'UPDATE',
    appointmentId: string | null,
  ): Promise<ClientEntity> {
    const client = await lockClient(tx, clientId);
    if (!hasCaseAccess(actor, client)) {
      this.deps.audit.note({ action, entityType: 'Appointment', entityId: appointmentId, clientId: client.id, outcome: 'DENIED' });
      throw forbidden("You may not change this client's appointments");
    }
    return client;
  }

  /**
   * The staff member's row, locked so that two appointments of one staff
   * member are checked for overlap one after the other. When scheduling
   * (`organizationId` given) they must be an active case manager or
   * supervisor of the client's agency.
   */
  private async lockStaff(tx: EntityManager, staffMemberId: string, organizationId: string | null): Promise<void> {
    const staff = await tx
      .getRepository(StaffMemberEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id', { id: staffMemberId })
      .getOne();
    if (organizationId === null) return;
    if (!staff || !staff.active || staff.organizationId !== organizationId || !['CASE_MANAGER', 'SUPERVISOR'].includes(staff.role))
      throw badInput('input.staffMemberId', "must be an active case manager or supervisor of the client's agency");
  }

  /**
   * A retried `scheduleAppointment`: the appointment the key made, only for
   * the same input (else CONFLICT) and only if the caller may still change
   * that client's appointments; audited like a read.
   */
  private async replay(actor: Actor, earlier: AppointmentRow, fingerprint: string | null): Promise<Appointment> {
    const entity = { entityType: 'Appointment', entityId: earlier.id, clientId: earlier.client_id };
    const fingerprints = { stored: earlier.client_mutation_fingerprint, given: fingerprint };
    const mayRead = async () => {
      const client = await this.deps.dataSource.getRepository(ClientEntity).findOneByOrFail({ id: earlier.client_id });
      return hasCaseAccess(actor, await withCaseTeam(this.deps.dataSource, client));
    };
    await checkReplay(this.deps.audit, entity, fingerprints, mayRead, "You may not see this client's appointments");
    return toAppointment(earlier);
  }
}
