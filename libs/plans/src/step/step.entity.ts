import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type StepOutcome = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE' | 'CANCELLED' | 'BROUGHT_FORWARD';

@Entity({ name: 'plan_step' })
@Index('plan_step_task_position_idx', ['taskId', 'position'])
export class PlanStepEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'position', type: 'int' })
  position: number;

  @Column({ name: 'description', type: 'text' })
  description: string;

  /** Free text such as "2 hours" or "one afternoon". */
  @Column({ name: 'estimated_time', type: 'text', nullable: true })
  estimatedTime: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'completed_at', type: 'date', nullable: true })
  completedAt: string | null;

  @Column({ name: 'outcome', type: 'text' })
  outcome: StepOutcome;

  @Column({ name: 'who_helps', type: 'text', nullable: true })
  whoHelps: string | null;
}
