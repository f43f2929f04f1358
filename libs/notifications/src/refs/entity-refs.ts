/**
 * The other subgraphs' entities a notification links to, by key only: the
 * gateway resolves each in its owning subgraph, whose access-checked
 * `__resolveReference` answers null (without an error) for a reader who may
 * no longer see it. This subgraph stores ids, never what they name.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Client')
@Directive('@key(fields: "id", resolvable: false)')
export class ClientRef {
  @Field(() => ID)
  id: string;
}

@ObjectType('Referral')
@Directive('@key(fields: "id", resolvable: false)')
export class ReferralRef {
  @Field(() => ID)
  id: string;
}

@ObjectType('Appointment')
@Directive('@key(fields: "id", resolvable: false)')
export class AppointmentRef {
  @Field(() => ID)
  id: string;
}
