import { Field, ID, InputType } from 'type-graphql';

/** What a phone or a schedule belongs to: exactly one of these. */
@InputType('DirectoryOwnerInput')
export class DirectoryOwnerInput {
  @Field(() => ID, { nullable: true, description: 'Phones only.' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  serviceId?: string | null;

  @Field(() => ID, { nullable: true })
  locationId?: string | null;

  @Field(() => ID, { nullable: true })
  serviceAtLocationId?: string | null;
}
