import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ASSESSMENT_DOMAINS = [
  'CERTIFICATES_LICENSES',
  'PERSONAL_CIRCUMSTANCES',
  'PERSONAL_HEALTH',
  'ATTITUDES',
  'SOCIAL_SUPPORT',
  'CAREER_MANAGEMENT',
  'EMPLOYABILITY',
  'OTHER',
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];
export const ASSESSMENT_RATINGS = ['ASSET', 'BARRIER', 'NOT_APPLICABLE'] as const;
export type AssessmentRating = (typeof ASSESSMENT_RATINGS)[number];

@Entity({ name: 'needs_assessment' })
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'assessed_at', type: 'timestamptz' })
  assessedAt: Date;

  @Column({ name: 'assessed_by', type: 'uuid' })
  assessedBy: string;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'barrier_count', type: 'integer' })
  barrierCount: number;

  @Column({ name: 'asset_count', type: 'integer' })
  assetCount: number;
}

@Entity({ name: 'assessment_item' })
export class AssessmentItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'assessment_id', type: 'uuid' })
  assessmentId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  domain: AssessmentDomain;

  @Column({ type: 'text' })
  characteristic: string;

  @Column({ type: 'text' })
  rating: AssessmentRating;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'plan_how', type: 'text', nullable: true })
  planHow: string | null;

  @Column({ name: 'plan_by_when', type: 'date', nullable: true })
  planByWhen: string | null;

  @Column({ name: 'plan_who_helps', type: 'text', nullable: true })
  planWhoHelps: string | null;
}

/** The checklist: the standard characteristics (organization null) and each agency's own. */
@Entity({ name: 'assessment_characteristic' })
export class CharacteristicEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text' })
  domain: AssessmentDomain;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'integer' })
  position: number;
}
