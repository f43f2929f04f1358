import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StaffMemberRef } from '../staff-member/staff-member.ref';
import type { AgreementMethodValue } from './agreement.entity';

export const AgreementMethodEnum = {
  IN_PERSON_SIGNATURE: 'IN_PERSON_SIGNATURE',
  VERBAL: 'VERBAL',
  ELECTRONIC: 'ELECTRONIC',
} as const satisfies Record<AgreementMethodValue, AgreementMethodValue>;
registerEnumType(AgreementMethodEnum, { name: 'AgreementMethod' });

/** The client's agreement to one version of a plan, as the API shows it. */
@ObjectType('PlanAgreement')
export class PlanAgreement {
  @Field(() => Date)
  agreedAt: Date;

  @Field(() => AgreementMethodEnum)
  method: AgreementMethodValue;

  @Field(() => StaffMemberRef)
  recordedBy: StaffMemberRef;

  @Field(() => Int, { description: 'The plan version the client agreed to; a later revision asks for agreement again.' })
  planVersion: number;

  @Field(() => String, { nullable: true })
  note: string | null;
}
