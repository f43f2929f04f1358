import { badInput, uuid } from '@caseflow/core';
import type { DirectoryOwnerInput } from './owner.inputs';

/** The tables a phone or a schedule can hang off, by the input field naming them. */
export const OWNER_COLUMNS = {
  organizationId: { column: 'organization_id', table: 'organization', entity: 'Organization' },
  serviceId: { column: 'service_id', table: 'service', entity: 'Service' },
  locationId: { column: 'location_id', table: 'location', entity: 'Location' },
  serviceAtLocationId: { column: 'service_at_location_id', table: 'service_at_location', entity: 'ServiceAtLocation' },
} as const;
export type OwnerField = keyof typeof OWNER_COLUMNS;

/** Whose entry a row is: its organization, and the service whose `last_modified` a change bumps. */
export interface Ownership {
  organizationId: string | null;
  serviceId: string | null;
}

/** The one owner named by the input; `allowed` are the owner kinds this entry may hang off. */
export function ownerOf(owner: DirectoryOwnerInput, allowed: readonly OwnerField[]): { field: OwnerField; id: string } {
  const named = (Object.keys(OWNER_COLUMNS) as OwnerField[]).filter((field) => owner[field] != null);
  if (named.length !== 1) throw badInput('owner', `must name exactly one of ${allowed.join(', ')}`);
  const field = named[0];
  if (!allowed.includes(field)) throw badInput(`owner.${field}`, `cannot own this entry; name one of ${allowed.join(', ')}`);
  return { field, id: uuid(`owner.${field}`, owner[field] as string) };
}
