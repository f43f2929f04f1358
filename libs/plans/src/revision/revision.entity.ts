import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type RevisedEntityType = 'ActionPlan' | 'Goal' | 'PlanStep';

/** Field name → [before, after], for the fields a revision changed. */
export type RevisionChanges = Record<string, [unknown, unknown]>;

/** One change to a plan. Append-only: the database refuses UPDATE and DELETE (see the migration). */
@Entity({ name: 'plan_revision' })
@Index('plan_revision_plan_version_idx', ['planId', 'version'], { unique: true })
@Index('plan_revision_entity_idx', ['entityId', 'version'])
export class PlanRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The plan version this change produced. */
  @Column({ name: 'version', type: 'int' })
  version: number;

  @Column({ name: 'revised_at', type: 'timestamptz' })
  revisedAt: Date;

  @Column({ name: 'revised_by', type: 'uuid' })
  revisedBy: string;

  @Column({ name: 'rationale', type: 'text' })
  rationale: string;

  @Column({ name: 'summary', type: 'text' })
  summary: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: RevisedEntityType;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ name: 'changes', type: 'jsonb' })
  changes: RevisionChanges;
}
