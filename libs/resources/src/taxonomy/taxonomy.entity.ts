import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** HSDS `taxonomy`: a published taxonomy the directory's terms come from. */
@Entity({ name: 'taxonomy' })
export class TaxonomyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'description', type: 'text' })
  description: string;

  @Column({ name: 'uri', type: 'text', nullable: true })
  uri: string | null;

  @Column({ name: 'version', type: 'text', nullable: true })
  version: string | null;
}
