import { type Actor, isUuid } from '@caseflow/auth';
import type { PlanAccess } from '../access/plan-access';
import type { PlansLoaders } from '../loaders';
import { toPriorityRanking } from './ranking.mapper';
import type { PriorityRanking } from './ranking.type';

/** A client's prioritizing grids, read under the client's PLANS grant, like the plans themselves. */
export class RankingQueries {
  constructor(
    private readonly loaders: PlansLoaders,
    private readonly access: PlanAccess,
  ) {}

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
