import type { Actor } from '@caseflow/auth';
import { uuid } from '@caseflow/core';
import type { EditScope } from '../directory-edit/edit-scope';
import { OwnedEntryEdits } from '../directory-edit/owned-entries';
import type { DirectoryOwnerInput } from '../directory-edit/owner.inputs';
import { OWNER_COLUMNS, ownerOf } from '../directory-edit/owner.rules';
import { ScheduleEntity } from './schedule.entity';
import type { ScheduleInput } from './schedule.inputs';
import { toSchedule } from './schedule.mapper';
import { scheduleColumns } from './schedule.rules';
import type { Schedule } from './schedule.type';

/** Opening hours of an organization's services, locations and services at locations, for partners (their own) and admins. */
export class ScheduleCommands {
  private readonly edits: OwnedEntryEdits;

  constructor(private readonly scope: EditScope) {
    this.edits = new OwnedEntryEdits(scope, { table: 'schedule', entityType: 'Schedule' });
  }

  async add(actor: Actor, owner: DirectoryOwnerInput, input: ScheduleInput): Promise<Schedule> {
    this.scope.assertEditorRole(actor, 'Schedule');
    const target = ownerOf(owner, ['serviceId', 'locationId', 'serviceAtLocationId']);
    const values = { [OWNER_COLUMNS[target.field].column]: target.id, ...scheduleColumns(input) };
    const id = await this.edits.add(actor, target, values);
    return toSchedule(await this.scope.dataSource.getRepository(ScheduleEntity).findOneByOrFail({ id }));
  }

  /** Replaces every field of the schedule with the input's. */
  async update(actor: Actor, id: string, input: ScheduleInput): Promise<Schedule> {
    this.scope.assertEditorRole(actor, 'Schedule');
    const scheduleId = uuid('id', id);
    await this.edits.update(actor, scheduleId, scheduleColumns(input));
    return toSchedule(await this.scope.dataSource.getRepository(ScheduleEntity).findOneByOrFail({ id: scheduleId }));
  }

  async remove(actor: Actor, id: string): Promise<string> {
    this.scope.assertEditorRole(actor, 'Schedule');
    return this.edits.remove(actor, uuid('id', id));
  }
}
