import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '@caseflow/federation';

@InputType('CreateServiceInput')
export class CreateServiceInput {
  @Field(() => ID, { description: 'The organization providing the service: a partner may name only their own.' })
  organizationId: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  alternateName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "HSDS status: 'active' (the default), 'inactive', 'defunct' or 'temporarily closed'.",
  })
  status?: string | null;

  @Field(() => String, { nullable: true })
  applicationProcess?: string | null;

  @Field(() => String, { nullable: true })
  feesDescription?: string | null;

  @Field(() => String, { nullable: true })
  eligibilityDescription?: string | null;

  @Field(() => Float, { nullable: true })
  minimumAge?: number | null;

  @Field(() => Float, { nullable: true })
  maximumAge?: number | null;

  @Field(() => [String], { nullable: true, description: "Language names, e.g. 'English', 'French'." })
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'The taxonomy terms (categories) of the service.' })
  taxonomyTermIds?: string[] | null;
}

/** Fields left out (or null) keep their value; `languages` and `taxonomyTermIds`, when given, replace the lists. */
@InputType('UpdateServiceInput')
export class UpdateServiceInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  alternateName?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  applicationProcess?: string | null;

  @Field(() => String, { nullable: true })
  feesDescription?: string | null;

  @Field(() => String, { nullable: true })
  eligibilityDescription?: string | null;

  @Field(() => Float, { nullable: true })
  minimumAge?: number | null;

  @Field(() => Float, { nullable: true })
  maximumAge?: number | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field(() => [ID], { nullable: true })
  taxonomyTermIds?: string[] | null;
}

@InputType('AddressInput')
export class AddressInput {
  @Field(() => String, { nullable: true })
  attention?: string | null;

  @Field(() => String)
  address1: string;

  @Field(() => String, { nullable: true })
  address2?: string | null;

  @Field(() => String)
  city: string;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String)
  stateProvince: string;

  @Field(() => String)
  postalCode: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2, e.g. CA.' })
  country: string;

  @Field(() => String, { nullable: true, description: "'physical' (the default), 'postal' or 'virtual'." })
  addressType?: string | null;
}

@InputType('CreateLocationInput')
export class CreateLocationInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { description: "'physical', 'postal' or 'virtual'." })
  locationType: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;
}

/** Fields left out keep their value; `address`, when given, replaces the location's address of that type. */
@InputType('UpdateLocationInput')
export class UpdateLocationInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  locationType?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;
}

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

@InputType('ScheduleInput')
export class ScheduleInput {
  @Field(() => String, { nullable: true, description: "'WEEKLY' (the default) or 'MONTHLY'." })
  freq?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'iCal weekday codes, e.g. MO,TU,WE; in a monthly rule with an ordinal, e.g. 1WE,-1FR.',
  })
  byDay?: string | null;

  @Field(() => String, { nullable: true, description: 'Monthly rules: days of the month, e.g. 1,15,-1.' })
  byMonthDay?: string | null;

  @Field(() => String, { nullable: true, description: '24-hour HH:MM.' })
  opensAt?: string | null;

  @Field(() => String, { nullable: true, description: '24-hour HH:MM; after opensAt unless closesNextDay.' })
  closesAt?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'The hours run past midnight: closesAt is on the next day (e.g. 21:00 to 08:00).' })
  closesNextDay?: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An IANA time zone (e.g. America/Halifax) or a UTC offset in hours; the directory zone when left out.',
  })
  timezone?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}
