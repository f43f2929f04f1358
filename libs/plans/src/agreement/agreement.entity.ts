import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type AgreementMethodValue = 'IN_PERSON_SIGNATURE' | 'VERBAL' | 'ELECTRONIC';

/**
 * The client's agreement to one version of a plan. Append-only (the
 * database refuses UPDATE, DELETE and TRUNCATE, see the migration): a later
 * revision of the plan does not touch it, it only stops being the current
 * agreement (agreement.rules.ts).
 */
@Entity({ name: 'plan_agreement' })
@Index('plan_agreement_plan_version_idx', ['planId', 'planVersion', 'agreedAt'])
export class PlanAgreementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The plan version the client agreed to (the plan's version when the agreement was recorded). */
  @Column({ name: 'plan_version', type: 'int' })
  planVersion: number;

  @Column({ name: 'method', type: 'text' })
  method: AgreementMethodValue;

  @Column({ name: 'agreed_at', type: 'timestamptz' })
  agreedAt: Date;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;
}
