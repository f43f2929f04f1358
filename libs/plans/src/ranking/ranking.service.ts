import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, notFound } from '@caseflow/core';
import type { PlansLoaders } from '../loaders';
import type { PlanAccess } from '../shared/plan-access';
import { clearLoaders } from '../shared/plan-change';
import type { RankPrioritiesInput } from './dto/rank-priorities.input';
import type { PriorityRankingEntity } from './ranking.entity';
import { checkGrid, rankByWins } from './ranking.grid';
import type { PriorityRanking } from './ranking.type';

export function toPriorityRanking(entity: PriorityRankingEntity): PriorityRanking {
  return {
    id: entity.id,
    client: { id: entity.clientId },
    items: entity.ranked.map(({ item, wins, rank }) => ({ item, wins, rank })),
    createdAt: entity.createdAt,
    createdBy: { id: entity.createdBy },
  };
}

/**
 * A client's prioritizing grids. Ranking needs is part of planning: it is
 * read under the client's PLANS grant and made by whoever may change the
 * case. Grids are kept (never edited); a new one supersedes by being newer.
 */
export class RankingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loaders: PlansLoaders,
    private readonly access: PlanAccess,
    private readonly audit: AuditTrail,
  ) {}

  async rank(actor: Actor, input: RankPrioritiesInput): Promise<PriorityRanking> {
    if (!isUuid(input.clientId)) throw badInput('input.clientId', 'must be a UUID');
    const items = checkGrid(input.items, input.choices);
    const grant = await this.access.assertMayWrite(actor, input.clientId, 'CREATE', 'PriorityRanking', null);
    const choices = input.choices.map(({ a, b, winner }) => ({ a, b, winner }));
    const ranked = rankByWins(items, choices);
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO plans.priority_ranking (id, client_id, organization_id, items, choices, ranked, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, now(), $7)`,
        [id, input.clientId, grant.organizationId, items, JSON.stringify(choices), JSON.stringify(ranked), actor.staffId],
      );
      await this.audit.write(tx, {
        action: 'CREATE',
        entityType: 'PriorityRanking',
        entityId: id,
        clientId: input.clientId,
        detail: `${items.length} items`,
      });
    });
    clearLoaders(this.loaders);
    const entity = await this.loaders.ranking.load(id);
    if (!entity) throw notFound('PriorityRanking', id);
    return toPriorityRanking(entity);
  }

  /** A client's grids, newest first; null (and an audited denial) when the caller may not read the client's plans. */
  async forClient(_actor: Actor, clientId: string): Promise<PriorityRanking[] | null> {
    if (!(await this.access.mayRead(clientId))) {
      this.access.noteDenied('PriorityRanking', null, clientId);
      return null;
    }
    const rankings = await this.loaders.rankingsByClient.load(clientId);
    for (const r of rankings) this.access.noteRead('PriorityRanking', r.id, r.clientId);
    return rankings.map(toPriorityRanking);
  }

  /** For `__resolveReference`: the grid if the caller may read the client's plans, otherwise null (denials audited). */
  async reference(_actor: Actor, id: string): Promise<PriorityRanking | null> {
    if (!isUuid(id)) return null;
    const entity = await this.loaders.ranking.load(id);
    if (!entity) return null;
    if (!(await this.access.mayRead(entity.clientId))) {
      this.access.noteDenied('PriorityRanking', entity.id, entity.clientId);
      return null;
    }
    this.access.noteRead('PriorityRanking', entity.id, entity.clientId);
    return toPriorityRanking(entity);
  }
}
