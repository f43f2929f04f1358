/**
 * Closure approval's rules, pure: the request's texts, who may decide and
 * withdraw, and which states allow it. A refusal of the caller is FORBIDDEN;
 * a request no longer PENDING is CONFLICT (it was decided or withdrawn
 * meanwhile: the caller's view is stale, not their input wrong).
 */
import type { Actor } from '@caseflow/auth';
import { conflict, optionalText, requiredText } from '@caseflow/core';
import { TEXT_MAX } from '../shared/validation';
import type { ApprovalStatus } from './closure-request.entity';

/** As closeCase's `nextSteps`. */
export const NEXT_STEPS_MAX = 5000;
export const RATIONALE_MAX = TEXT_MAX;
export const DECISION_NOTE_MAX = TEXT_MAX;

export interface RequestTexts {
  rationale: string;
  nextSteps: string | null;
}

export function checkRequestTexts(input: { rationale?: string | null; nextSteps?: string | null }): RequestTexts {
  return {
    rationale: requiredText('input.rationale', input.rationale, { max: RATIONALE_MAX }),
    nextSteps: optionalText('input.nextSteps', input.nextSteps, { max: NEXT_STEPS_MAX }),
  };
}

export const checkDecisionNote = (note: string | null | undefined): string | null => optionalText('note', note, { max: DECISION_NOTE_MAX });

/** Why the caller may not decide this request, or null when they may: a supervisor of the client's agency who did not request it. */
export function decisionRefusal(actor: Actor, request: { organizationId: string; requestedBy: string }): string | null {
  if (actor.role !== 'SUPERVISOR') return 'Only a supervisor of the agency may decide a closure request';
  if (actor.organizationId !== request.organizationId) return "Only a supervisor of the client's agency may decide its closure request";
  if (actor.staffId === request.requestedBy) return 'A closure request is decided by a supervisor other than its requester';
  return null;
}

/** Only the requester withdraws their request. */
export const mayWithdraw = (actor: Actor, request: { requestedBy: string }): boolean => actor.staffId === request.requestedBy;

/** Only a PENDING request is decided or withdrawn. */
export function checkPending(status: ApprovalStatus, doing: string): void {
  if (status !== 'PENDING') throw conflict(`This closure request is ${status} and can no longer be ${doing}`, { status });
}
