/** The one statement of the demo seed's own: whether the clients schema already holds staff. */
import type { Client } from 'pg';

/** The staff members in the clients schema; 0 when its table does not exist yet. */
export async function countStaff(client: Client): Promise<number> {
  const { rows } = await client.query<{ name: string | null }>(`SELECT to_regclass('clients.staff_member') AS name`);
  if (!rows[0].name) return 0;
  const count = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM clients.staff_member');
  return count.rows[0].n;
}
