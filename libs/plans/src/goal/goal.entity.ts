import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type GoalTerm = 'SHORT' | 'MID' | 'LONG';
export type GoalStatus = 'OPEN' | 'ACHIEVED' | 'NOT_ACHIEVED' | 'CANCELLED';

@Entity({ name: 'goal' })
@Index('goal_plan_position_idx', ['planId', 'position'])
export class GoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ name: 'position', type: 'int' })
  position: number;

  @Column({ name: 'description', type: 'text' })
  description: string;

  @Column({ name: 'term', type: 'text' })
  term: GoalTerm;

  @Column({ name: 'target_date', type: 'date', nullable: true })
  targetDate: string | null;

  @Column({ name: 'smart_specific', type: 'boolean' })
  smartSpecific: boolean;

  @Column({ name: 'smart_measurable', type: 'boolean' })
  smartMeasurable: boolean;

  @Column({ name: 'smart_achievable', type: 'boolean' })
  smartAchievable: boolean;

  @Column({ name: 'smart_relevant', type: 'boolean' })
  smartRelevant: boolean;

  @Column({ name: 'smart_time_limited', type: 'boolean' })
  smartTimeLimited: boolean;

  @Column({ name: 'status', type: 'text' })
  status: GoalStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the goal became part of an agreed plan (its plan's activation, or later when added to an active plan); null in a draft. */
  @Index('goal_set_at_idx')
  @Column({ name: 'set_at', type: 'timestamptz', nullable: true })
  setAt: Date | null;
}
