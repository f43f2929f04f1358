import { Field, ID, ObjectType } from 'type-graphql';
import type { PhoneEntity } from './phone.entity';

@ObjectType('Phone')
export class Phone {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  number: string;

  @Field(() => String, { nullable: true })
  extension: string | null;

  @Field(() => String, { nullable: true })
  type: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;
}

export function toPhone(entity: PhoneEntity): Phone {
  return { id: entity.id, number: entity.number, extension: entity.extension, type: entity.type, description: entity.description };
}
