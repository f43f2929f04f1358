/**
 * What the subgraphs' benchmark generators (`npm run seed -- --scale N`)
 * share: the generated clients as the clients generator hands them to the
 * others, the consents the referrals generator asks the clients one for, and
 * the SQL that loads those clients into a temporary table or picks a value.
 */

/** The generated clients (parallel arrays, ordered by row number). */
export interface ScaleClients {
  ids: string[];
  organizationIds: string[];
  caseManagerIds: string[];
  statuses: string[];
  intakeDates: string[];
  /** When a CLOSED client was closed (null otherwise). */
  closedAt: Array<string | null>;
}

/** Pairs (client, receiving organization) that need a consent, with when it was signed and who recorded it. */
export interface ScaleConsentRequests {
  clientIds: string[];
  organizationIds: string[];
  signedAt: string[];
  recordedBy: string[];
}

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Loads `clients` into `scale_client` (n, id, organization_id, cm_id, status,
 * intake_date, closed_at; unique on the row number n), dropped at commit.
 */
export async function loadScaleClients(tx: Queryable, clients: ScaleClients): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE scale_client ON COMMIT DROP AS
     SELECT n::int, id, organization_id, cm_id, status, intake_date, closed_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::timestamptz[])
            WITH ORDINALITY AS t(id, organization_id, cm_id, status, intake_date, closed_at, n)`,
    [clients.ids, clients.organizationIds, clients.caseManagerIds, clients.statuses, clients.intakeDates, clients.closedAt],
  );
  await tx.query('CREATE UNIQUE INDEX ON scale_client (n)');
}

const textArraySql = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;

/** SQL: one element of `values` picked by `r`, SQL for a number in [0, 1). */
export const pickSql = (values: readonly string[], r: string) => `(${textArraySql(values)})[1 + floor(${r} * ${values.length})::int]`;
