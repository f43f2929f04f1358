import type { ResourcesContext } from '../context';
import type { ServiceAtLocation } from './service-at-location.type';

/** `__resolveReference` for `ServiceAtLocation`: batched through the loaders; null for unknown ids and callers who may not read the directory. */
export function resolveServiceAtLocationReference(reference: { id: string }, ctx: ResourcesContext): Promise<ServiceAtLocation | null> {
  return ctx.serviceAtLocations.reference(ctx.actor, reference.id);
}
