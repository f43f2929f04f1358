/** The access decision's one read: the clients' facts with their active consents, a prepared statement on every request's path. */
import type { DataSource } from 'typeorm';
import type { InformationKind } from '@caseflow/auth';
import { preparedRead, runPrepared, unprefixed } from '@caseflow/db';
import type { ClientStatus } from '../client/client.entity';
import { currentMemberAt } from '../team/team.sql';
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

/**
 * The facts the access rule reads about client `c`, at the instant in parameter `now`: its active consents (JSON,
 * timestamps as ISO text) and its current case team's staff ids, as `g_`-prefixed columns beside the client's own.
 * Two lateral reads per client, by index (consent_client_idx, case_team_member_client). (The caseload page needs
 * neither: client.queries.ts, caseloadGrantFacts.)
 */
const GRANT_FACT_COLUMNS = `c.id AS g_id, c.organization_id AS g_organization_id, c.assigned_case_manager_id AS g_assigned_case_manager_id,
       c.status AS g_status, coalesce(k.consents, '[]'::json) AS g_consents, coalesce(t.team, '{}'::uuid[]) AS g_case_team`;

const grantFactJoins = (now: string) => `
     LEFT JOIN LATERAL (SELECT json_agg(json_build_object('recipient_organization_id', k.recipient_organization_id, 'scope', k.scope,
                                                          'signed_at', k.signed_at, 'expires_at', k.expires_at) ORDER BY k.signed_at, k.id) AS consents
                          FROM clients.consent k
                         WHERE k.client_id = c.id AND k.revoked_at IS NULL AND k.expires_at > ${now}::timestamptz) k ON true
     LEFT JOIN LATERAL (SELECT array_agg(m.staff_member_id ORDER BY m.staff_member_id) AS team
                          FROM clients.case_team_member m
                          LEFT JOIN clients.organization_setting s ON s.organization_id = c.organization_id
                         WHERE m.client_id = c.id AND ${currentMemberAt(now)}) t ON true`;

/** A client's grant facts as GRANT_FACT_COLUMNS name them, without the `g_`. */
type GrantFactsColumns = { [K in keyof GrantFactsRow as `g_${K}`]: GrantFactsRow[K] };

const GRANT_FACTS = preparedRead<GrantFactsColumns, [string[], Date]>(
  'clients.grant-facts',
  `SELECT ${GRANT_FACT_COLUMNS}
     FROM clients.client c${grantFactJoins('$2')}
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
  return (await runPrepared(dataSource, GRANT_FACTS, [clientIds, now])).map(toGrantFacts);
}

/** The facts of a row read with GRANT_FACT_COLUMNS (its other columns are ignored). */
function toGrantFacts(columns: GrantFactsColumns): GrantFacts {
  const row = unprefixed<GrantFactsRow>(columns, 'g_');
  return {
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
  };
}
