/**
 * The writes of a client's profile, shared by its commands and by intake
 * (`openClient`): each inside the caller's transaction, under the client's
 * lock, with one audit event per change (names of fields, never values).
 */
import type { EntityManager } from 'typeorm';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, localDay } from '@caseflow/core';
import { organizationTimeZones } from '../organization/time-zone';
import type { ClientAddressInput, DemographicsInput, HouseholdMemberInput } from './profile.inputs';
import {
  type AddressValues,
  checkAddress,
  checkDemographics,
  checkHousehold,
  type DemographicsChange,
  type MemberValues,
} from './profile.rules';
import {
  clearAddress,
  householdsOf,
  insertMember,
  type MemberRow,
  removeMembers,
  saveAddress,
  saveDemographics,
  updateMember,
} from './profile.sql';

/** A day after every real one: the first pass of the birth-date check, before the agency (its today) is known. */
export const LATEST_DAY = '9999-12-31';

/** The agency's today, in its time zone. */
export async function agencyDay(tx: EntityManager, organizationId: string): Promise<string> {
  const zones = await organizationTimeZones(tx, [organizationId]);
  return localDay(new Date(), zones.get(organizationId));
}

/** Sets or clears the address, with its audit event; false when there was nothing to clear. */
export async function writeAddress(tx: EntityManager, audit: AuditTrail, clientId: string, address: AddressValues | null, by: string) {
  if (address) await saveAddress(tx, clientId, address, by);
  else if (!(await clearAddress(tx, clientId, by))) return false;
  const detail = address ? 'set' : 'cleared';
  await audit.write(tx, { action: 'UPDATE', entityType: 'ClientAddress', entityId: clientId, clientId, detail });
  return true;
}

/**
 * Makes the current household the `wanted` list (ids checked against it,
 * naming `field[i].id`), one audit event per member added, changed or
 * removed; false when nothing changed.
 */
export async function writeHousehold(
  tx: EntityManager,
  audit: AuditTrail,
  clientId: string,
  wanted: MemberValues[],
  by: string,
  field: string,
) {
  const current = new Map((await householdsOf(tx, [clientId])).map((row) => [row.id, row]));
  wanted.forEach((member, i) => {
    if (member.id !== null && !current.has(member.id)) throw badInput(`${field}[${i}].id`, 'is not a member of this household');
  });
  const kept = new Set(wanted.flatMap((member) => (member.id ? [member.id] : [])));
  const removed = [...current.keys()].filter((id) => !kept.has(id));
  await removeMembers(tx, removed, by);
  const event = { entityType: 'HouseholdMember', clientId };
  let changes = removed.length;
  for (const [position, member] of wanted.entries()) {
    if (member.id === null) {
      const id = await insertMember(tx, clientId, position, member, by);
      await audit.write(tx, { action: 'CREATE', ...event, entityId: id });
      changes += 1;
      continue;
    }
    const changed = differs(current.get(member.id) as MemberRow, member);
    await updateMember(tx, position, member, changed, by);
    if (changed) {
      await audit.write(tx, { action: 'UPDATE', ...event, entityId: member.id });
      changes += 1;
    }
  }
  for (const id of removed) await audit.write(tx, { action: 'UPDATE', ...event, entityId: id, detail: 'removed' });
  return changes > 0;
}

/** Applies the given demographics fields, audited with their names (never their values); false when none was given. */
export async function writeDemographics(tx: EntityManager, audit: AuditTrail, clientId: string, change: DemographicsChange, by: string) {
  const fields = Object.keys(change).sort();
  if (fields.length === 0) return false;
  await saveDemographics(tx, clientId, change, by);
  await audit.write(tx, { action: 'UPDATE', entityType: 'Demographics', entityId: clientId, clientId, detail: fields.join(',') });
  return true;
}

/** What intake may record of the profile with the client (`openClient`), checked. */
export interface IntakeProfile {
  address: AddressValues | null;
  household: readonly HouseholdMemberInput[] | null;
  demographics: DemographicsChange | null;
}

/** Checks the profile given at intake (`input.address`, `input.household[i]…`, `input.demographics…`) before anything is written. */
export function checkIntakeProfile(input: {
  address?: ClientAddressInput | null;
  household?: HouseholdMemberInput[] | null;
  demographics?: DemographicsInput | null;
}): IntakeProfile {
  const household = input.household ?? null;
  if (household) checkHousehold(household, LATEST_DAY, 'input.household');
  return {
    address: input.address ? checkAddress(input.address, 'input.address') : null,
    household,
    demographics: input.demographics ? checkDemographics(input.demographics, 'input.demographics') : null,
  };
}

/** Records the intake's profile for the client just opened, in the intake's transaction, audited as the changes are. */
export async function recordIntakeProfile(
  tx: EntityManager,
  audit: AuditTrail,
  client: { id: string; organizationId: string },
  profile: IntakeProfile,
  by: string,
): Promise<void> {
  if (profile.address) await writeAddress(tx, audit, client.id, profile.address, by);
  if (profile.household?.length) {
    const members = checkHousehold(profile.household, await agencyDay(tx, client.organizationId), 'input.household');
    await writeHousehold(tx, audit, client.id, members, by, 'input.household');
  }
  if (profile.demographics) await writeDemographics(tx, audit, client.id, profile.demographics, by);
}

function differs(row: MemberRow, member: MemberValues): boolean {
  return (
    row.first_name !== member.firstName ||
    row.last_name !== member.lastName ||
    row.relationship !== member.relationship ||
    row.date_of_birth !== member.dateOfBirth ||
    row.dependent !== member.dependent
  );
}
