import type { PhoneEntity } from './phone.entity';
import type { Phone } from './phone.type';

export function toPhone(entity: PhoneEntity): Phone {
  return { id: entity.id, number: entity.number, extension: entity.extension, type: entity.type, description: entity.description };
}
