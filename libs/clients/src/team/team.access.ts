/**
 * The case team as a fact of the access rule: a client with the staff ids
 * of its current team, for `hasCaseAccess` where a change has loaded the
 * client row itself. Read at the change's instant, never cached beyond it.
 */
import type { Actor } from '@caseflow/auth';
import type { ClientsLoaders } from '../loaders';
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

/**
 * True when the caller's access to this client turns on its case team: a
 * case manager of the client's agency not assigned to it. Others are decided
 * without reading the team (one statement fewer on the assigned case
 * manager's and supervisors' paths).
 */
export function dependsOnTeam(actor: Actor, client: { organizationId: string; assignedCaseManagerId: string | null }): boolean {
  return actor.role === 'CASE_MANAGER' && client.organizationId === actor.organizationId && client.assignedCaseManagerId !== actor.staffId;
}

/** The client's current team's staff ids as far as the caller's access needs them (through the request's loader). */
export async function teamFor(
  actor: Actor,
  client: { id: string; organizationId: string; assignedCaseManagerId: string | null },
  loaders: Pick<ClientsLoaders, 'caseTeam'>,
): Promise<string[]> {
  return dependsOnTeam(actor, client) ? teamIds(await loaders.caseTeam.load(client.id)) : [];
}
