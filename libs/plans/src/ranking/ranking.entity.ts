import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface StoredChoice {
  a: number;
  b: number;
  winner: number;
}

export interface StoredRankedItem {
  item: string;
  wins: number;
  rank: number;
}

/** A client's pairwise prioritizing grid: the items, every comparison made, and the ranking they gave. */
@Entity({ name: 'priority_ranking' })
@Index('priority_ranking_client_created_idx', ['clientId', 'createdAt'])
export class PriorityRankingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The clients subgraph's client; not a foreign key, it lives in another schema. */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Index('priority_ranking_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** In the order they were entered (the order that breaks ties). */
  @Column({ name: 'items', type: 'text', array: true })
  items: string[];

  @Column({ name: 'choices', type: 'jsonb' })
  choices: StoredChoice[];

  /** Most important first. */
  @Column({ name: 'ranked', type: 'jsonb' })
  ranked: StoredRankedItem[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}
