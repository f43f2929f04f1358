import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A service as delivered at one location (HSDS service_at_location). */
@ObjectType('ServiceAtLocation')
@Directive('@key(fields: "id")')
export class ServiceAtLocation {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  /** Not a GraphQL field. */
  serviceId: string;
  /** Not a GraphQL field. */
  locationId: string;
}
