import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClientStatus } from '../client/client.entity';

export const CLOSURE_OUTCOMES = ['EMPLOYED', 'IN_TRAINING', 'REFERRED_ELSEWHERE', 'GOALS_MET', 'DISENGAGED', 'MOVED', 'OTHER'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export type CaseEventKind = 'OPENED' | 'ACTIVATED' | 'CLOSED' | 'REOPENED' | 'REASSIGNED';

/** The case's history: every status change and reassignment, never changed once written. */
@Entity({ name: 'case_event' })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'text' })
  kind: CaseEventKind;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ClientStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: ClientStatus;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ type: 'text', nullable: true })
  outcome: ClosureOutcome | null;

  @Column({ type: 'text', nullable: true })
  program: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
