import type { ClientsContext } from '../context';
import type { StaffMember } from './staff.type';

/** `__resolveReference` for StaffMember: batched through the loader; any signed-in staff member may see colleagues. */
export const staffReference = (ref: { id: string }, ctx: ClientsContext): Promise<StaffMember | null> =>
  ctx.staff.reference(ctx.actor, ref.id);
