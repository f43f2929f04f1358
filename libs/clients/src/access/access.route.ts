import type { DataSource } from 'typeorm';
import { type Actor, type ClientAccessResponse, type ClientGrant, isUuid } from '@caseflow/auth';
import { badInput } from '@caseflow/core';
import type { InternalRoute } from '@caseflow/federation';
import { decideGrant } from './access.policy';
import { type GrantFacts, grantFacts } from './access.sql';

const MAX_IDS = 1000;

/**
 * The answering side of the client-access mechanism: POST {clientIds} with
 * the caller's internal token → the caller's grant on each client. One SQL
 * statement (a prepared read) however many ids are asked.
 */
export function clientAccessRoute(dataSource: DataSource): InternalRoute {
  return async (body, caller): Promise<ClientAccessResponse> => {
    const ids = (body as { clientIds?: unknown })?.clientIds;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw badInput('clientIds', 'must be a list of ids');
    if (ids.length > MAX_IDS) throw badInput('clientIds', `must hold at most ${MAX_IDS} ids`);
    return { grants: await decideGrants(dataSource, caller.actor, ids as string[]) };
  };
}

/**
 * The caller's grant on each client, by the one access rule (access.policy.ts):
 * what the route answers, and what the Client's `accessGrant` field signs.
 */
export async function decideGrants(dataSource: DataSource, actor: Actor, ids: readonly string[]): Promise<ClientGrant[]> {
  const uuids = [...new Set(ids.filter(isUuid))];
  const now = new Date();
  const facts = uuids.length === 0 ? [] : await grantFacts(dataSource, uuids, now);
  return grantsFromFacts(actor, ids, facts, now);
}

/** The caller's grant on each of `ids` by the one rule, from the facts read at `now` (a client without facts does not exist). */
export function grantsFromFacts(actor: Actor, ids: readonly string[], facts: readonly GrantFacts[], now: Date): ClientGrant[] {
  const byId = new Map(facts.map((f) => [f.client.id, f]));
  return ids.map((id) => {
    const found = byId.get(id);
    return decideGrant(actor, id, found?.client ?? null, found?.consents ?? [], now);
  });
}
