import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TaxonomyTermEntity } from './taxonomy-term.entity';

/**
 * How terms attach to a service's category: `link_type` is the HSDS open
 * codelist value and `link_entity` the table `link_id` points into.
 */
export const SERVICE_CATEGORY = { linkType: 'service', linkEntity: 'service' } as const;

/** HSDS `attribute`: a taxonomy term attached to a row of any table. */
@Entity({ name: 'attribute' })
@Index('attribute_link_idx', ['linkType', 'linkId'])
export class AttributeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'link_id', type: 'uuid' })
  linkId: string;

  @Column({ name: 'link_type', type: 'text' })
  linkType: string;

  @Column({ name: 'link_entity', type: 'text' })
  linkEntity: string;

  @Index('attribute_taxonomy_term_idx')
  @Column({ name: 'taxonomy_term_id', type: 'uuid' })
  taxonomyTermId: string;

  @ManyToOne(() => TaxonomyTermEntity)
  @JoinColumn({ name: 'taxonomy_term_id' })
  taxonomyTerm?: TaxonomyTermEntity;

  @Column({ name: 'value', type: 'text', nullable: true })
  value: string | null;
}
