import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PlanStatus = 'DRAFT' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED';

/** At most one ACTIVE plan per client: the partial unique index action_plan_one_active_per_client (see the migration). */
@Entity({ name: 'action_plan' })
@Index('action_plan_client_created_idx', ['clientId', 'createdAt'])
export class ActionPlanEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The clients subgraph's client; not a foreign key, it lives in another schema. */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** The client's agency when the plan was made. */
  @Index('action_plan_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'status', type: 'text' })
  status: PlanStatus;

  /** Optimistic-concurrency version, raised by every change to the plan or anything in it. */
  @Column({ name: 'version', type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
