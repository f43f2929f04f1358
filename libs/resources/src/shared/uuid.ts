import { isUuid } from '@caseflow/auth';
import { badInput } from '@caseflow/core';

/** The id argument named `field`, or BAD_USER_INPUT naming it when it is not a UUID. */
export function requireUuid(field: string, value: string): string {
  if (!isUuid(value)) throw badInput(field, 'must be a UUID');
  return value;
}
