import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Another subgraph's entity as a subgraph that only points at it sees it: the key. */
export interface EntityKey {
  id: string;
}

/**
 * The class of another subgraph's entity that this subgraph names by key
 * only (`@key(fields: "id", resolvable: false)`): the gateway resolves its
 * fields in the subgraph that owns it. One class per call, for the schema
 * of the subgraph that calls it.
 */
export function keyOnlyRefType(typeName: string): new () => EntityKey {
  @ObjectType(typeName)
  @Directive('@key(fields: "id", resolvable: false)')
  class KeyOnlyRef implements EntityKey {
    @Field(() => ID)
    id: string;
  }
  return KeyOnlyRef;
}
