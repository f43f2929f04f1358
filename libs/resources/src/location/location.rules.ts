import { badInput, oneOf, optionalText, requiredText } from '@caseflow/core';
import type { Row } from '../directory-edit/changes';
import { LIMITS, LOCATION_TYPES } from '../directory-edit/fields.rules';
import type { AddressInput } from './location.inputs';

/** An address's checked columns (`input.address.*`); one address per address type. */
export function addressColumns(input: AddressInput): Row {
  const country = requiredText('input.address.country', input.country, { max: 2 }).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw badInput('input.address.country', 'must be an ISO 3166-1 alpha-2 code, e.g. CA');
  return {
    attention: optionalText('input.address.attention', input.attention, { max: LIMITS.name }),
    address_1: requiredText('input.address.address1', input.address1, { max: LIMITS.name }),
    address_2: optionalText('input.address.address2', input.address2, { max: LIMITS.name }),
    city: requiredText('input.address.city', input.city, { max: LIMITS.name }),
    region: optionalText('input.address.region', input.region, { max: LIMITS.name }),
    state_province: requiredText('input.address.stateProvince', input.stateProvince, { max: 100 }),
    postal_code: requiredText('input.address.postalCode', input.postalCode, { max: 20 }),
    country,
    address_type: input.addressType == null ? 'physical' : oneOf('input.address.addressType', input.addressType, LOCATION_TYPES),
  };
}
