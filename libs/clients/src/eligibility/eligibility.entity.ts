import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One eligibility determination; the latest is the client's eligibility. Never changed once written. */
@Entity({ name: 'eligibility_determination' })
export class EligibilityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ type: 'text' })
  program: string;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ name: 'determined_at', type: 'timestamptz' })
  determinedAt: Date;

  @Column({ name: 'determined_by', type: 'uuid' })
  determinedBy: string;
}
