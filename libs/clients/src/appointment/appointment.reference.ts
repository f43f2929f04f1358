import type { ClientsContext } from '../context';
import type { Appointment } from './appointment.type';

/** `__resolveReference` for Appointment: batched, and checked like any read (what the caller may not see is null, and audited). */
export const appointmentReference = (ref: { id: string }, ctx: ClientsContext): Promise<Appointment | null> =>
  ctx.appointments.reference(ctx.actor, ref.id);
