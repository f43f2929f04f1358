/**
 * Counts the SQL statements the services send, from PostgreSQL's own
 * pg_stat_statements: a snapshot before and after a phase, per statement,
 * for one database only (the counter itself reads from the maintenance
 * database, so its reads are not counted). Each statement is attributed to
 * the subgraph whose schema it names first, so that an N+1 shows up where it
 * happens.
 */
import { Client } from 'pg';

export type StatementSnapshot = Map<string, { calls: number; ms: number; owner: string; query: string }>;

export interface StatementDelta {
  total: number;
  /** Calls per owner: a subgraph's schema name, or "other" (transaction control, SELECT 1…). */
  byOwner: Record<string, number>;
  /** The statements that took the most time in total, slowest first. */
  top: Array<{ owner: string; calls: number; totalMs: number; meanMs: number; query: string }>;
}

const OWNERS = ['clients', 'plans', 'referrals', 'resources'];
const round = (n: number) => Math.round(n * 1000) / 1000;

/** The relays' idle check on their outboxes: background work that runs whatever the load (the queue's own statements are left out by their role). */
export function relayWork(query: string): boolean {
  return /\boutbox_event\b/.test(query);
}

/** Which subgraph a statement belongs to: the first of the four schemas its text names. */
export function ownerOf(query: string): string {
  let best = 'other';
  let at = Infinity;
  for (const owner of OWNERS) {
    const match = new RegExp(`"?\\b${owner}"?\\.`).exec(query);
    if (match && match.index < at) {
      at = match.index;
      best = owner;
    }
  }
  return best;
}

export class StatementCounter {
  private constructor(
    private readonly admin: Client,
    private readonly databaseOid: number,
    private readonly excludedUsers: number[],
  ) {}

  /**
   * Connects to the server's maintenance database (`adminUrl`) and makes sure
   * pg_stat_statements is loaded and installed in `database`.
   */
  static async open(adminUrl: string, databaseUrl: string, database: string, excludedRoles: string[] = []): Promise<StatementCounter> {
    const target = new Client({ connectionString: databaseUrl });
    await target.connect();
    try {
      const preload = (await target.query(`SELECT current_setting('shared_preload_libraries') AS libs`)).rows[0].libs as string;
      if (
        !preload
          .split(',')
          .map((s) => s.trim())
          .includes('pg_stat_statements')
      ) {
        throw new Error(
          'PostgreSQL runs without pg_stat_statements (start it with -c shared_preload_libraries=pg_stat_statements; stop a server already running on the benchmark port)',
        );
      }
      await target.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    } finally {
      await target.end();
    }
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const oid = (await admin.query('SELECT oid FROM pg_database WHERE datname = $1', [database])).rows[0]?.oid;
    if (!oid) throw new Error(`no database ${database}`);
    const excluded = (await admin.query('SELECT oid FROM pg_roles WHERE rolname = ANY($1)', [excludedRoles])).rows.map((r) =>
      Number(r.oid),
    );
    return new StatementCounter(admin, Number(oid), excluded);
  }

  async snapshot(): Promise<StatementSnapshot> {
    const { rows } = await this.admin.query(
      `SELECT queryid::text AS id, userid::text AS userid, toplevel::text AS top, calls::bigint AS calls, total_exec_time AS ms, query
         FROM pg_stat_statements WHERE dbid = $1 AND userid <> ALL($2::oid[])`,
      [this.databaseOid, this.excludedUsers],
    );
    const snapshot: StatementSnapshot = new Map();
    for (const row of rows) {
      const query = String(row.query ?? '');
      snapshot.set(`${row.userid}:${row.id}:${row.top}`, { calls: Number(row.calls), ms: Number(row.ms), owner: ownerOf(query), query });
    }
    return snapshot;
  }

  /** Statements run between two snapshots. */
  static delta(before: StatementSnapshot, after: StatementSnapshot, topCount = 8): StatementDelta {
    const byOwner: Record<string, number> = {};
    const top: StatementDelta['top'] = [];
    let total = 0;
    for (const [key, now] of after) {
      const then = before.get(key);
      const calls = now.calls - (then?.calls ?? 0);
      if (calls <= 0 || relayWork(now.query)) continue;
      total += calls;
      byOwner[now.owner] = (byOwner[now.owner] ?? 0) + calls;
      const totalMs = now.ms - (then?.ms ?? 0);
      top.push({
        owner: now.owner,
        calls,
        totalMs: round(totalMs),
        meanMs: round(totalMs / calls),
        query: now.query.replace(/\s+/g, ' ').slice(0, 400),
      });
    }
    top.sort((a, b) => b.totalMs - a.totalMs);
    return { total, byOwner, top: top.slice(0, topCount) };
  }

  async close(): Promise<void> {
    await this.admin.end();
  }
}
