import type { PriorityRankingEntity } from './ranking.entity';
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
