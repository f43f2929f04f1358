import type { DataSource } from 'typeorm';
import { type Actor, isUuid } from '@caseflow/auth';
import { uuid } from '@caseflow/core';
import { decodeCursor, encodeCursor } from '@caseflow/db';
import { assertCanReadDirectory, mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import { toLocation } from '../location/location.mapper';
import type { Location } from '../location/location.type';
import { toPhone } from '../phone/phone.mapper';
import type { Phone } from '../phone/phone.type';
import type { Service } from '../service/service.type';
import { toService } from '../service/service.mapper';
import type { Organization, OrganizationConnection } from './organization.type';
import { toOrganization } from './organization.mapper';
import { namePageSize, nameSearchWords } from './organization.rules';
import { type OrganizationRow, searchOrganizations } from './organization.sql';

/**
 * Organization reads. The entry points (`get`, `reference`) check the
 * caller; the lists under an organization are reached only through them and
 * read through the request's loaders.
 */
export class OrganizationQueries {
  constructor(
    private readonly loaders: ResourcesLoaders,
    private readonly dataSource: DataSource,
  ) {}

  async get(actor: Actor, id: string, field = 'id'): Promise<Organization | null> {
    assertCanReadDirectory(actor);
    const entity = await this.loaders.organization.load(uuid(field, id));
    return entity ? toOrganization(entity) : null;
  }

  /**
   * Organizations by name (and alternate name): every word, stemmed and
   * accent-insensitive, best match first, then by name; keyset pages. Every
   * staff role may search (directory data, no client's).
   */
  async search(
    actor: Actor,
    search: string | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<OrganizationConnection> {
    assertCanReadDirectory(actor);
    const words = nameSearchWords(search);
    const size = namePageSize(first);
    const cursor = decodeCursor(after, ['number', 'text', 'uuid']) as [number, string, string] | null;
    const rows = await searchOrganizations(this.dataSource, words, cursor, size + 1);
    const hits = rows.filter((row) => row.id !== null);
    const edges = hits.slice(0, size).map((row) => ({
      cursor: encodeCursor([row.rank, row.name, row.id]),
      node: toOrganization(row as OrganizationRow),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: hits.length > size, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: rows[0]?.total ?? 0,
    };
  }

  /** For `__resolveReference`: batched; unknown ids and callers who may not read resolve to null. */
  async reference(actor: Actor, id: string): Promise<Organization | null> {
    if (!mayReadDirectory(actor) || !isUuid(id)) return null;
    const entity = await this.loaders.organization.load(id);
    return entity ? toOrganization(entity) : null;
  }

  async phones(organizationId: string): Promise<Phone[]> {
    return (await this.loaders.phonesOf.organization.load(organizationId)).map(toPhone);
  }

  async locations(organizationId: string): Promise<Location[]> {
    return (await this.loaders.locationsOfOrganization.load(organizationId)).map(toLocation);
  }

  async services(organizationId: string): Promise<Service[]> {
    return (await this.loaders.servicesOfOrganization.load(organizationId)).map(toService);
  }
}
