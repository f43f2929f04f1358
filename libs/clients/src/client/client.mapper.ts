import { displayNameOf } from '../shared/names';
import { toStaffMember } from '../staff/staff.mapper';
import type { StaffMemberEntity } from '../staff/staff.entity';
import type { CaseEventEntity, ClientEntity, ClosureOutcome, EligibilityEntity } from './client.entity';
import type { CaseClosure, Client, ClientAccess, ContactPreference, Eligibility, Priority } from './client.type';

export function toClient(entity: ClientEntity, access: ClientAccess): Client {
  return {
    id: entity.id,
    firstName: entity.firstName,
    lastName: entity.lastName,
    preferredName: entity.preferredName,
    displayName: displayNameOf(entity.firstName, entity.lastName, entity.preferredName),
    dateOfBirth: entity.dateOfBirth,
    status: entity.status,
    intakeDate: entity.intakeDate,
    assignedCaseManager: null,
    keyDates: entity.keyDates ?? [],
    nextFollowUpAt: entity.nextFollowUpAt,
    assignedCaseManagerId: entity.assignedCaseManagerId,
    organizationId: entity.organizationId,
    access,
    entity,
  };
}

export function toContactPreference(entity: ClientEntity): ContactPreference | null {
  if (!entity.contactMethod) return null;
  return {
    method: entity.contactMethod,
    phone: entity.contactPhone,
    email: entity.contactEmail,
    voicemailAllowed: entity.voicemailAllowed,
    publicGreeting: entity.publicGreeting,
    notes: entity.contactNotes,
  };
}

export function toPriority(entity: ClientEntity): Priority {
  return { level: entity.priorityLevel, score: entity.priorityScore, reasons: entity.priorityReasons };
}

export function toEligibility(entity: EligibilityEntity): Eligibility {
  return {
    eligible: entity.eligible,
    program: entity.program,
    rationale: entity.rationale,
    determinedAt: entity.determinedAt,
    determinedById: entity.determinedBy,
    determinedBy: null,
  };
}

/** A case's closure from its CLOSED event (one with an outcome) and who closed it. */
export function toCaseClosure(event: CaseEventEntity, closedBy: StaffMemberEntity): CaseClosure {
  return { closedAt: event.at, outcome: event.outcome as ClosureOutcome, nextSteps: event.note, closedBy: toStaffMember(closedBy) };
}
