import { Field, InputType } from 'type-graphql';

@InputType('PhoneInput')
export class PhoneInput {
  @Field(() => String)
  number: string;

  @Field(() => String, { nullable: true, description: 'Digits only.' })
  extension?: string | null;

  @Field(() => String, { nullable: true, description: "'voice' (the default), 'text', 'fax', 'cell', 'video', 'pager' or 'textphone'." })
  type?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
