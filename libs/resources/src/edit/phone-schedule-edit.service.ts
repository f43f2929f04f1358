import type { EntityManager } from 'typeorm';
import type { Actor } from '@caseflow/auth';
import { badInput, notFound, oneOf, optionalDate, optionalOneOf, optionalText, uuid } from '@caseflow/core';
import { PhoneEntity } from '../phone/phone.entity';
import { type Phone, toPhone } from '../phone/phone.type';
import { ScheduleEntity } from '../schedule/schedule.entity';
import { type Schedule, toSchedule } from '../schedule/schedule.type';
import {
  changedFields,
  creationChanges,
  deleteRow,
  deletionChanges,
  insertRow,
  lockRow,
  recordMetadata,
  type Row,
  touchService,
  updateRow,
} from './changes';
import type { DirectoryOwnerInput, PhoneInput, ScheduleInput } from './edit.inputs';
import { EditScope, OWNER_COLUMNS, type OwnerField, type Ownership, ownershipOfRow } from './edit-scope';
import {
  LIMITS,
  optionalByDay,
  optionalByMonthDay,
  optionalClock,
  optionalDigits,
  optionalTimezone,
  PHONE_TYPES,
  requiredPhoneNumber,
  SCHEDULE_DATES,
  SCHEDULE_FREQUENCIES,
} from './validate';

function phoneColumns(input: PhoneInput): Row {
  return {
    number: requiredPhoneNumber('input.number', input.number),
    extension: optionalDigits('input.extension', input.extension),
    type: optionalOneOf('input.type', input.type ?? 'voice', PHONE_TYPES),
    description: optionalText('input.description', input.description, { max: LIMITS.shortText }),
  };
}

/** A schedule's columns, checked together: the rule, the hours (opening before closing unless past midnight), the dates. */
export function scheduleColumns(input: ScheduleInput): Row {
  const freq = input.freq == null ? 'WEEKLY' : oneOf('input.freq', input.freq, SCHEDULE_FREQUENCIES);
  const monthly = freq === 'MONTHLY';
  if (!monthly && input.byMonthDay != null && input.byMonthDay.trim() !== '')
    throw badInput('input.byMonthDay', 'is only for a MONTHLY rule');
  const opensAt = optionalClock('input.opensAt', input.opensAt);
  const closesAt = optionalClock('input.closesAt', input.closesAt);
  if (opensAt && closesAt) {
    if (input.closesNextDay && closesAt > opensAt)
      throw badInput('input.closesNextDay', 'is only for hours that close at or before the time they open');
    if (!input.closesNextDay && closesAt <= opensAt)
      throw badInput('input.closesAt', 'must be after opensAt (set closesNextDay for hours past midnight)');
  } else if (input.closesNextDay) {
    throw badInput('input.closesNextDay', 'needs opensAt and closesAt');
  }
  const validFrom = optionalDate('input.validFrom', input.validFrom, SCHEDULE_DATES);
  const validTo = optionalDate('input.validTo', input.validTo, SCHEDULE_DATES);
  if (validFrom && validTo && validTo < validFrom) throw badInput('input.validTo', 'must not be before validFrom');
  return {
    freq,
    wkst: 'MO',
    byday: optionalByDay('input.byDay', input.byDay, monthly),
    bymonthday: monthly ? optionalByMonthDay('input.byMonthDay', input.byMonthDay) : null,
    opens_at: opensAt,
    closes_at: closesAt,
    valid_from: validFrom,
    valid_to: validTo,
    timezone: optionalTimezone('input.timezone', input.timezone),
    description: optionalText('input.description', input.description, { max: LIMITS.shortText }),
  };
}

/** The one owner named by the input; `allowed` are the owner kinds this entry may hang off. */
function ownerOf(owner: DirectoryOwnerInput, allowed: readonly OwnerField[]): { field: OwnerField; id: string } {
  const named = (Object.keys(OWNER_COLUMNS) as OwnerField[]).filter((field) => owner[field] != null);
  if (named.length !== 1) throw badInput('owner', `must name exactly one of ${allowed.join(', ')}`);
  const field = named[0];
  if (!allowed.includes(field)) throw badInput(`owner.${field}`, `cannot own this entry; name one of ${allowed.join(', ')}`);
  return { field, id: uuid(`owner.${field}`, owner[field] as string) };
}

/** Phones and schedules of an organization's entries, for partners (their own) and admins. */
export class PhoneScheduleEditService {
  constructor(private readonly scope: EditScope) {}

  async addPhone(actor: Actor, owner: DirectoryOwnerInput, input: PhoneInput): Promise<Phone> {
    this.scope.assertEditorRole(actor, 'Phone');
    const target = ownerOf(owner, ['organizationId', 'serviceId', 'locationId', 'serviceAtLocationId']);
    const values = { [OWNER_COLUMNS[target.field].column]: target.id, ...phoneColumns(input) };
    const id = await this.add(actor, target, 'phone', 'Phone', values);
    return toPhone(await this.scope.dataSource.getRepository(PhoneEntity).findOneByOrFail({ id }));
  }

  async updatePhone(actor: Actor, id: string, input: PhoneInput): Promise<Phone> {
    this.scope.assertEditorRole(actor, 'Phone');
    const phoneId = uuid('id', id);
    await this.update(actor, 'phone', 'Phone', phoneId, phoneColumns(input));
    return toPhone(await this.scope.dataSource.getRepository(PhoneEntity).findOneByOrFail({ id: phoneId }));
  }

  async removePhone(actor: Actor, id: string): Promise<string> {
    this.scope.assertEditorRole(actor, 'Phone');
    return this.remove(actor, 'phone', 'Phone', uuid('id', id));
  }

  async addSchedule(actor: Actor, owner: DirectoryOwnerInput, input: ScheduleInput): Promise<Schedule> {
    this.scope.assertEditorRole(actor, 'Schedule');
    const target = ownerOf(owner, ['serviceId', 'locationId', 'serviceAtLocationId']);
    const values = { [OWNER_COLUMNS[target.field].column]: target.id, ...scheduleColumns(input) };
    const id = await this.add(actor, target, 'schedule', 'Schedule', values);
    return toSchedule(await this.scope.dataSource.getRepository(ScheduleEntity).findOneByOrFail({ id }));
  }

  /** Replaces every field of the schedule with the input's. */
  async updateSchedule(actor: Actor, id: string, input: ScheduleInput): Promise<Schedule> {
    this.scope.assertEditorRole(actor, 'Schedule');
    const scheduleId = uuid('id', id);
    await this.update(actor, 'schedule', 'Schedule', scheduleId, scheduleColumns(input));
    return toSchedule(await this.scope.dataSource.getRepository(ScheduleEntity).findOneByOrFail({ id: scheduleId }));
  }

  async removeSchedule(actor: Actor, id: string): Promise<string> {
    this.scope.assertEditorRole(actor, 'Schedule');
    return this.remove(actor, 'schedule', 'Schedule', uuid('id', id));
  }

  private add(actor: Actor, target: { field: OwnerField; id: string }, table: string, entityType: string, values: Row): Promise<string> {
    return this.scope.dataSource.transaction(async (tx) => {
      const owner = await this.scope.owner(tx, actor, target.field, target.id, entityType);
      const id = await insertRow(tx, table, values);
      await recordMetadata(tx, actor, table, id, 'create', creationChanges(values));
      await this.finish(tx, owner, { action: 'CREATE', entityType, entityId: id });
      return id;
    });
  }

  private update(actor: Actor, table: string, entityType: string, id: string, columns: Row): Promise<void> {
    return this.scope.dataSource.transaction(async (tx) => {
      const row = await lockRow(tx, table, id);
      if (!row) throw notFound(entityType, id);
      const owner = await ownershipOfRow(tx, row);
      this.scope.assertMayEdit(actor, owner.organizationId, entityType, id);
      const changes = changedFields(row, columns);
      await updateRow(tx, table, id, changes);
      await recordMetadata(tx, actor, table, id, 'update', changes);
      if (changes.length > 0)
        await this.finish(tx, owner, { action: 'UPDATE', entityType, entityId: id, detail: changes.map((c) => c.field).join(',') });
    });
  }

  private remove(actor: Actor, table: string, entityType: string, id: string): Promise<string> {
    return this.scope.dataSource.transaction(async (tx) => {
      const row = await lockRow(tx, table, id);
      if (!row) throw notFound(entityType, id);
      const owner = await ownershipOfRow(tx, row);
      this.scope.assertMayEdit(actor, owner.organizationId, entityType, id);
      if (table === 'phone') {
        const languages: Array<{ n: number }> = await tx.query('SELECT count(*)::int AS n FROM resources.language WHERE phone_id = $1', [
          id,
        ]);
        if (languages[0].n > 0) throw badInput('id', 'has languages listed for it; an admin removes them first');
      }
      await deleteRow(tx, table, id);
      await recordMetadata(tx, actor, table, id, 'delete', deletionChanges(row));
      await this.finish(tx, owner, { action: 'UPDATE', entityType, entityId: id, detail: 'removed' });
      return id;
    });
  }

  private async finish(
    tx: EntityManager,
    owner: Ownership,
    event: { action: 'CREATE' | 'UPDATE'; entityType: string; entityId: string; detail?: string },
  ): Promise<void> {
    if (owner.serviceId) await touchService(tx, owner.serviceId);
    await this.scope.audit.write(tx, event);
  }
}
