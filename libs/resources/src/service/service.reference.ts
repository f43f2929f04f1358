import type { ResourcesContext } from '../context';
import type { Service } from './service.type';

/** `__resolveReference` for `Service`: batched through the loaders; null for unknown ids and callers who may not read the directory. */
export function resolveServiceReference(reference: { id: string }, ctx: ResourcesContext): Promise<Service | null> {
  return ctx.services.reference(ctx.actor, reference.id);
}
