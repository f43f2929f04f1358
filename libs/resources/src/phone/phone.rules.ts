import { optionalOneOf, optionalText } from '@caseflow/core';
import type { Row } from '../directory-edit/changes';
import { LIMITS, optionalDigits, PHONE_TYPES, requiredPhoneNumber } from '../directory-edit/fields.rules';
import type { PhoneInput } from './phone.inputs';

/** A phone's checked columns. */
export function phoneColumns(input: PhoneInput): Row {
  return {
    number: requiredPhoneNumber('input.number', input.number),
    extension: optionalDigits('input.extension', input.extension),
    type: optionalOneOf('input.type', input.type ?? 'voice', PHONE_TYPES),
    description: optionalText('input.description', input.description, { max: LIMITS.shortText }),
  };
}
