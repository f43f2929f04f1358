import type { AddressEntity } from './address.entity';
import type { LocationEntity } from './location.entity';
import type { Address, Location } from './location.type';

export function toLocation(entity: LocationEntity): Location {
  return {
    id: entity.id,
    name: entity.name,
    locationType: entity.locationType,
    description: entity.description,
    latitude: entity.latitude,
    longitude: entity.longitude,
  };
}

export function toAddress(entity: AddressEntity): Address {
  return {
    id: entity.id,
    attention: entity.attention,
    address1: entity.address1,
    address2: entity.address2,
    city: entity.city,
    region: entity.region,
    stateProvince: entity.stateProvince,
    postalCode: entity.postalCode,
    country: entity.country,
    addressType: entity.addressType,
  };
}
