import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** HSDS `phone`: belongs to an organization, a service, a location or a service at a location. */
@Entity({ name: 'phone' })
export class PhoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('phone_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Index('phone_service_idx')
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Index('phone_location_idx')
  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId: string | null;

  @Index('phone_service_at_location_idx')
  @Column({ name: 'service_at_location_id', type: 'uuid', nullable: true })
  serviceAtLocationId: string | null;

  @Column({ name: 'number', type: 'text' })
  number: string;

  @Column({ name: 'extension', type: 'text', nullable: true })
  extension: string | null;

  /** RFC 6350 type: voice, text, fax, cell, video, pager, textphone. */
  @Column({ name: 'type', type: 'text', nullable: true })
  type: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;
}
