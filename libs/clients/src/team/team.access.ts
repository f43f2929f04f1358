/**
 * The case team as a fact of the access rule: a client with the staff ids
 * of its current team, for `hasCaseAccess` where a change has loaded the
 * client row itself. Read at the change's instant, never cached beyond it.
 */
import type { SqlRunner } from '../shared/sql';
import { currentTeamIds } from './team.sql';

/** `client` with `caseTeam`, its current members' staff ids (none for no client). */
export async function withCaseTeam<T extends { id: string }>(
  db: SqlRunner,
  client: T,
  now = new Date(),
): Promise<T & { caseTeam: string[] }> {
  const [row] = await currentTeamIds(db, [client.id], now);
  return Object.assign(client, { caseTeam: row?.team ?? [] });
}

/** The staff ids of a loaded current team (an error from the loader is thrown). */
export function teamIds(members: ReadonlyArray<{ staff_member_id: string }> | Error): string[] {
  if (members instanceof Error) throw members;
  return members.map((m) => m.staff_member_id);
}
