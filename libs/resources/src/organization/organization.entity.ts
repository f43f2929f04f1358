import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** HSDS `organization`. */
@Entity({ name: 'organization' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'alternate_name', type: 'text', nullable: true })
  alternateName: string | null;

  @Column({ name: 'description', type: 'text' })
  description: string;

  @Column({ name: 'email', type: 'text', nullable: true })
  email: string | null;

  @Column({ name: 'website', type: 'text', nullable: true })
  website: string | null;
}
