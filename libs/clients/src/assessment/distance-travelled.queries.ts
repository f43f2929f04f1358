/**
 * A client's distance travelled: each characteristic's change from the first
 * to the latest needs assessment (distance-travelled.rules.ts). Read under the
 * same rule as the client's assessments (case access, or a consent covering
 * ASSESSMENTS) and audited as their read is: a READ of each assessment
 * compared. Many clients (a caseload page) are read in one statement.
 */
import { requireAssessments } from '../client/client.policy';
import type { Client } from '../client/client.type';
import { toAssessment } from './assessment.mapper';
import { distanceTravelled } from './distance-travelled.rules';
import type { DistanceTravelled } from './distance-travelled.type';
import type { ClientsDeps } from '../deps';

export class DistanceTravelledQueries {
  constructor(private readonly deps: ClientsDeps) {}

  async forClient(client: Client): Promise<DistanceTravelled> {
    requireAssessments(client);
    const rows = await this.deps.loaders.firstAndLatestAssessments.load(client.id);
    const result = distanceTravelled(rows.map((row) => ({ ...row, assessedAt: new Date(row.assessedAt) })));
    const compared = result.baseline && result.latest ? [result.baseline, result.latest] : [];
    this.deps.audit.noteReads('NeedsAssessment', compared, client.id);
    return {
      baseline: result.baseline && toAssessment(result.baseline),
      latest: result.latest && toAssessment(result.latest),
      barriersResolved: result.barriersResolved,
      barriersAdded: result.barriersAdded,
      changes: result.changes,
    };
  }
}
