import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import type { AuditTrail } from '@caseflow/audit';
import { badInput, notFound } from '@caseflow/core';
import type { PlanAccess } from '../access/plan-access';
import { clearLoaders, type PlansLoaders } from '../loaders';
import type { RankPrioritiesInput } from './ranking.inputs';
import { PriorityRankingEntity } from './ranking.entity';
import { toPriorityRanking } from './ranking.mapper';
import { checkGrid, rankByWins } from './ranking.rules';
import type { PriorityRanking } from './ranking.type';

/**
 * Making a client's prioritizing grid. Ranking needs is part of planning: it
 * is done by whoever may change the case. Grids are kept (never edited); a
 * new one supersedes by being newer.
 */
export class RankingCommands {
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
      await tx.insert(PriorityRankingEntity, {
        id,
        clientId: input.clientId,
        organizationId: grant.organizationId,
        items,
        choices,
        ranked,
        createdAt: () => 'now()',
        createdBy: actor.staffId,
      });
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
}
