import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaxonomyEntity } from './taxonomy.entity';

/** HSDS `taxonomy_term`, hierarchical through `parent_id`. */
@Entity({ name: 'taxonomy_term' })
@Index('taxonomy_term_taxonomy_code_idx', ['taxonomyId', 'code'])
@Index('taxonomy_term_parent_name_idx', ['parentId', 'name'])
export class TaxonomyTermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'taxonomy_id', type: 'uuid', nullable: true })
  taxonomyId: string | null;

  /** Loaded with the term wherever the API shows the taxonomy's name. */
  @ManyToOne(() => TaxonomyEntity, { nullable: true })
  @JoinColumn({ name: 'taxonomy_id' })
  taxonomy?: TaxonomyEntity | null;

  @Column({ name: 'code', type: 'text', nullable: true })
  code: string | null;

  @Column({ name: 'name', type: 'text' })
  name: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ name: 'term_uri', type: 'text', nullable: true })
  termUri: string | null;
}
