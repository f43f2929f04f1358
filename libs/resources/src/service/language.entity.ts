import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** HSDS `language`: a language a service (or location) is delivered in. */
@Entity({ name: 'language' })
export class LanguageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('language_service_idx')
  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @Index('language_location_idx')
  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId: string | null;

  @Column({ name: 'name', type: 'text', nullable: true })
  name: string | null;

  /** ISO 639-1 or 639-3. */
  @Column({ name: 'code', type: 'text', nullable: true })
  code: string | null;
}
