import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'plan_task' })
@Index('plan_task_goal_position_idx', ['goalId', 'position'])
export class PlanTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'goal_id', type: 'uuid' })
  goalId: string;

  @Column({ name: 'position', type: 'int' })
  position: number;

  @Column({ name: 'title', type: 'text' })
  title: string;
}
