/**
 * The terms of a consent as recorded: at least one kind of information, none
 * twice; signed not in the future; expiring after signing, by default three
 * months later, at most five years. Pure.
 */
import { INFORMATION_KINDS, type InformationKind } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import { addMonths, notInFuture } from '../shared/validation';

export const DEFAULT_TERM_MONTHS = 3;
export const MAX_TERM_MONTHS = 60;

/** The scope in the canonical order of the kinds of information. */
export function checkScope(scope: InformationKind[]): InformationKind[] {
  if (scope.length === 0) throw badInput('input.scope', 'must name at least one kind of information');
  if (new Set(scope).size !== scope.length) throw badInput('input.scope', 'must not repeat a kind of information');
  return INFORMATION_KINDS.filter((k) => scope.includes(k));
}

export function checkTerm(signedAtInput: Date, expiresAtInput: Date | null | undefined): { signedAt: Date; expiresAt: Date } {
  const signedAt = notInFuture('input.signedAt', signedAtInput);
  const expiresAt = expiresAtInput ?? addMonths(signedAt, DEFAULT_TERM_MONTHS);
  if (expiresAt.getTime() <= signedAt.getTime()) throw badInput('input.expiresAt', 'must be after signedAt');
  if (expiresAt.getTime() > addMonths(signedAt, MAX_TERM_MONTHS).getTime())
    throw badInput('input.expiresAt', 'must be within five years of signedAt');
  return { signedAt, expiresAt };
}
