import type { Actor } from '@caseflow/auth';
import { isUuid } from '@caseflow/auth';
import { badInput, unauthenticated } from '@caseflow/core';
import type { ClientsLoaders } from '../loaders';
import { toStaffMember } from './staff.mapper';
import type { StaffMember } from './staff.type';

/** Staff directory reads. Any signed-in staff member may see colleagues' names, roles and agencies. */
export class StaffQueries {
  constructor(private readonly loaders: ClientsLoaders) {}

  async me(actor: Actor): Promise<StaffMember> {
    const entity = await this.loaders.staff.load(actor.staffId);
    if (!entity) throw unauthenticated('Your staff account is not known to Caseflow');
    return toStaffMember(entity);
  }

  async get(_actor: Actor, id: string, field = 'id'): Promise<StaffMember | null> {
    if (!isUuid(id)) throw badInput(field, 'must be a UUID');
    const entity = await this.loaders.staff.load(id);
    return entity ? toStaffMember(entity) : null;
  }

  /** For `__resolveReference`: batched through the loader; unknown ids resolve to null. */
  async reference(_actor: Actor, id: string): Promise<StaffMember | null> {
    if (!isUuid(id)) return null;
    const entity = await this.loaders.staff.load(id);
    return entity ? toStaffMember(entity) : null;
  }
}
