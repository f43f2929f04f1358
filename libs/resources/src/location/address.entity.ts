import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LocationType } from './location.entity';

/** HSDS `address` of a location. */
@Entity({ name: 'address' })
export class AddressEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('address_location_idx')
  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'attention', type: 'text', nullable: true })
  attention: string | null;

  @Column({ name: 'address_1', type: 'text' })
  address1: string;

  @Column({ name: 'address_2', type: 'text', nullable: true })
  address2: string | null;

  @Column({ name: 'city', type: 'text' })
  city: string;

  @Column({ name: 'region', type: 'text', nullable: true })
  region: string | null;

  @Column({ name: 'state_province', type: 'text' })
  stateProvince: string;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ name: 'country', type: 'text' })
  country: string;

  @Column({ name: 'address_type', type: 'text' })
  addressType: LocationType;
}
