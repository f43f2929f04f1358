import type { ResourcesContext } from '../context';
import type { Location } from './location.type';

/** `__resolveReference` for `Location`: batched through the loaders; null for unknown ids and callers who may not read the directory. */
export function resolveLocationReference(reference: { id: string }, ctx: ResourcesContext): Promise<Location | null> {
  return ctx.locations.reference(ctx.actor, reference.id);
}
