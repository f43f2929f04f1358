import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type LocationType = 'physical' | 'postal' | 'virtual';

/** HSDS `location`. */
@Entity({ name: 'location' })
export class LocationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('location_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'name', type: 'text', nullable: true })
  name: string | null;

  @Column({ name: 'location_type', type: 'text' })
  locationType: LocationType;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'latitude', type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ name: 'longitude', type: 'double precision', nullable: true })
  longitude: number | null;
}
