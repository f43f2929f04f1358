/** The access decision's one read: the clients' facts with their active consents, a prepared statement on every request's path. */
import type { DataSource } from 'typeorm';
import type { InformationKind } from '@caseflow/auth';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { ClientStatus } from '../client/client.entity';
import { CURRENT_TEAM_IDS } from '../team/team.sql';
import type { ClientFacts, ConsentFacts } from './access.policy';

export interface GrantFactsRow {
  id: string;
  organization_id: string;
  assigned_case_manager_id: string | null;
  status: ClientStatus;
  /** The client's current case team's staff ids at $2. */
  case_team: string[];
  /** The client's consents neither revoked nor expired at $2, as JSON (timestamps as ISO text). */
  consents: Array<{ recipient_organization_id: string; scope: InformationKind[]; signed_at: string; expires_at: string }>;
}

const GRANT_FACTS = preparedRead<GrantFactsRow, [string[], Date]>(
  'clients.grant-facts',
  `SELECT c.id, c.organization_id, c.assigned_case_manager_id, c.status, coalesce(k.consents, '[]'::json) AS consents,
          coalesce(t.team, '{}'::uuid[]) AS case_team
     FROM clients.client c
     LEFT JOIN (SELECT k.client_id,
                       json_agg(json_build_object('recipient_organization_id', k.recipient_organization_id, 'scope', k.scope,
                                                  'signed_at', k.signed_at, 'expires_at', k.expires_at) ORDER BY k.signed_at, k.id) AS consents
                  FROM clients.consent k
                 WHERE k.client_id = ANY($1::uuid[]) AND k.revoked_at IS NULL AND k.expires_at > $2::timestamptz
                 GROUP BY k.client_id) k ON k.client_id = c.id
     LEFT JOIN (${CURRENT_TEAM_IDS}) t ON t.client_id = c.id
    WHERE c.id = ANY($1::uuid[])`,
);

export interface GrantFacts {
  client: ClientFacts;
  consents: ConsentFacts[];
}

/**
 * What the access rule decides from, for each of the clients that exists:
 * its facts and its consents active at `now` (the caller's clock, passed
 * as a parameter so that SQL and the rule agree on the instant).
 */
export async function grantFacts(dataSource: DataSource, clientIds: string[], now: Date): Promise<GrantFacts[]> {
  const rows = await runPrepared(dataSource, GRANT_FACTS, [clientIds, now]);
  return rows.map((row) => ({
    client: {
      id: row.id,
      organizationId: row.organization_id,
      assignedCaseManagerId: row.assigned_case_manager_id,
      caseTeam: row.case_team,
      status: row.status,
    },
    consents: row.consents.map((k) => ({
      clientId: row.id,
      recipientOrganizationId: k.recipient_organization_id,
      scope: k.scope,
      signedAt: new Date(k.signed_at),
      expiresAt: new Date(k.expires_at),
      revokedAt: null,
    })),
  }));
}
