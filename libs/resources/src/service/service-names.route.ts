import type { DataSource } from 'typeorm';
import { SERVICE_ACTOR, SERVICE_NAMES_PAGE_SIZE, type ServiceName, type ServiceNamesResponse } from '@caseflow/auth';
import { badInput, forbidden, isUuid } from '@caseflow/core';
import { preparedRead, runPrepared } from '@caseflow/db';
import type { InternalRoute } from '@caseflow/federation';

/**
 * The answering side of the directory's names (`@caseflow/auth`
 * service-names.ts): POST {after?, limit?} over the internal channel → a
 * page of services ordered by id, each with its name and its organization's
 * id and name. One prepared statement, by the service's primary key. Only a
 * Caseflow service asking for itself gets an answer: it is a whole-directory
 * read, not a person's question.
 */
export function serviceNamesRoute(dataSource: DataSource): InternalRoute {
  return async (body, caller) => {
    if (caller.actor.client || caller.actor.staffId !== SERVICE_ACTOR.staffId)
      throw forbidden("Only Caseflow services read the directory's names whole");
    const { after, limit } = checkPage(body);
    return { services: await serviceNamesPage(dataSource, after, limit) } satisfies ServiceNamesResponse;
  };
}

function checkPage(body: unknown): { after: string | null; limit: number } {
  const page = (body ?? {}) as Record<string, unknown>;
  const { after = null, limit = SERVICE_NAMES_PAGE_SIZE } = page;
  if (after !== null && (typeof after !== 'string' || !isUuid(after))) throw badInput('after', 'must be a service id');
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > SERVICE_NAMES_PAGE_SIZE) {
    throw badInput('limit', `must be a whole number from 1 to ${SERVICE_NAMES_PAGE_SIZE}`);
  }
  return { after, limit };
}

const SERVICE_NAMES_PAGE = preparedRead<ServiceName, [string | null, number]>(
  'resources.service-names-page',
  `SELECT s.id, s.name, s.organization_id AS "organizationId", o.name AS "organizationName"
     FROM resources.service s JOIN resources.organization o ON o.id = s.organization_id
    WHERE s.id > COALESCE($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    ORDER BY s.id
    LIMIT $2`,
);

export function serviceNamesPage(dataSource: DataSource, after: string | null, limit: number): Promise<ServiceName[]> {
  return runPrepared(dataSource, SERVICE_NAMES_PAGE, [after, limit]);
}
