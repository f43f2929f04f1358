import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from '../shared/numeric';

/** HSDS service statuses. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** HSDS `service`. */
@Entity({ name: 'service' })
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('service_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'alternate_name', type: 'text', nullable: true })
  alternateName: string | null;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'url', type: 'text', nullable: true })
  url: string | null;

  @Column({ name: 'email', type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'status', type: 'text' })
  status: ServiceStatus;

  @Column({ name: 'application_process', type: 'text', nullable: true })
  applicationProcess: string | null;

  @Column({ name: 'fees_description', type: 'text', nullable: true })
  feesDescription: string | null;

  @Column({ name: 'eligibility_description', type: 'text', nullable: true })
  eligibilityDescription: string | null;

  @Column({ name: 'minimum_age', type: 'numeric', nullable: true, transformer: numericColumn })
  minimumAge: number | null;

  @Column({ name: 'maximum_age', type: 'numeric', nullable: true, transformer: numericColumn })
  maximumAge: number | null;
}
