import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import type { ClientsContext } from '../context';
import { StaffMember } from '../staff/staff.type';
import { RescheduleAppointmentInput, ScheduleAppointmentInput } from './appointment.inputs';
import { Appointment, AppointmentConnection, type AttendanceOutcome, AttendanceOutcomeEnum, ReferralRef } from './appointment.type';

@Resolver(() => Appointment)
export class AppointmentResolver {
  @Query(() => Appointment, { nullable: true })
  appointment(@Arg('id', () => ID) id: string, @Ctx() ctx: ClientsContext): Promise<Appointment | null> {
    return ctx.appointments.get(ctx.actor, id);
  }

  @Query(() => AppointmentConnection, { description: "The caller's appointments in a window (at most 92 days)." })
  myAppointments(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ClientsContext,
  ): Promise<AppointmentConnection> {
    return ctx.appointments.mine(ctx.actor, from, to, first, after);
  }

  @Mutation(() => Appointment)
  scheduleAppointment(
    @Arg('input', () => ScheduleAppointmentInput) input: ScheduleAppointmentInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Appointment> {
    return ctx.appointmentCommands.schedule(ctx.actor, input);
  }

  @Mutation(() => Appointment)
  rescheduleAppointment(
    @Arg('input', () => RescheduleAppointmentInput) input: RescheduleAppointmentInput,
    @Ctx() ctx: ClientsContext,
  ): Promise<Appointment> {
    return ctx.appointmentCommands.reschedule(ctx.actor, input);
  }

  @Mutation(() => Appointment)
  cancelAppointment(
    @Arg('appointmentId', () => ID) appointmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: ClientsContext,
  ): Promise<Appointment> {
    return ctx.appointmentCommands.cancel(ctx.actor, appointmentId, expectedVersion, reason);
  }

  @Mutation(() => Appointment)
  recordAttendance(
    @Arg('appointmentId', () => ID) appointmentId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('outcome', () => AttendanceOutcomeEnum) outcome: AttendanceOutcome,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: ClientsContext,
  ): Promise<Appointment> {
    return ctx.appointmentCommands.recordAttendance(ctx.actor, appointmentId, expectedVersion, outcome, note);
  }

  @FieldResolver(() => Client, { nullable: true })
  client(@Root() appointment: Appointment, @Ctx() ctx: ClientsContext): Promise<Client | null> {
    return ctx.clients.reference(ctx.actor, appointment.clientId);
  }

  @FieldResolver(() => StaffMember, {
    nullable: true,
    description: 'The staff member the client meets (the assigned case manager unless set).',
  })
  staffMember(@Root() appointment: Appointment, @Ctx() ctx: ClientsContext): Promise<StaffMember | null> {
    return ctx.staff.reference(ctx.actor, appointment.staffMemberId);
  }

  @FieldResolver(() => ReferralRef, { nullable: true, description: 'Set for PARTNER_VISIT appointments.' })
  referral(@Root() appointment: Appointment): ReferralRef | null {
    return appointment.referralId ? { id: appointment.referralId } : null;
  }

  @FieldResolver(() => StaffMember)
  async createdBy(@Root() appointment: Appointment, @Ctx() ctx: ClientsContext): Promise<StaffMember> {
    return (await ctx.staff.reference(ctx.actor, appointment.createdById)) as StaffMember;
  }
}

@Resolver(() => Client)
export class ClientAppointmentsResolver {
  @FieldResolver(() => AppointmentConnection, { description: 'Upcoming and past appointments, soonest upcoming first.' })
  appointments(
    @Root() client: Client,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ClientsContext,
  ): Promise<AppointmentConnection> {
    return ctx.appointments.ofClient(client, from, to, first, after);
  }

  @FieldResolver(() => Int, { description: "How many of the last 90 days' appointments the client missed; feeds the caseload priority." })
  recentNoShows(@Root() client: Client, @Ctx() ctx: ClientsContext): Promise<number> {
    return ctx.appointments.recentNoShows(client);
  }
}
