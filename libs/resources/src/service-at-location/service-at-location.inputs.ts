import { Field, ID, InputType } from 'type-graphql';

@InputType('CreateServiceAtLocationInput')
export class CreateServiceAtLocationInput {
  @Field(() => ID)
  serviceId: string;

  @Field(() => ID)
  locationId: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType('UpdateServiceAtLocationInput')
export class UpdateServiceAtLocationInput {
  @Field(() => String, { nullable: true })
  description?: string | null;
}
