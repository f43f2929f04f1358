import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferralStatus } from './referral.enums';

/** One transition in a referral's history. Append-only: the database refuses UPDATE and DELETE. */
@Entity({ name: 'referral_event' })
@Index('referral_event_referral_at_idx', ['referralId', 'at'])
export class ReferralEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ name: 'status', type: 'text' })
  status: ReferralStatus;

  @Column({ name: 'at', type: 'timestamptz' })
  at: Date;

  /** Null for transitions the system makes (expiry). */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note: string | null;
}
