import type { ResourcesContext } from '../context';
import type { Organization } from './organization.type';

/** `__resolveReference` for `Organization`: batched through the loaders; null for unknown ids and callers who may not read the directory. */
export function resolveOrganizationReference(reference: { id: string }, ctx: ResourcesContext): Promise<Organization | null> {
  return ctx.organizations.reference(ctx.actor, reference.id);
}
