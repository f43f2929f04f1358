import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** HSDS `service_at_location`: a service as delivered at one location. */
@Entity({ name: 'service_at_location' })
@Index('service_at_location_service_location_key', ['serviceId', 'locationId'], { unique: true })
export class ServiceAtLocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  @Index('service_at_location_location_idx')
  @Column({ name: 'location_id', type: 'uuid' })
  locationId: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;
}
