import type DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupLoader, rowLoader, type RequestContext } from '@caseflow/federation';
import { ClientEntity } from './client/client.entity';
import { ClientService } from './client/client.service';
import { ConsentEntity } from './consent/consent.entity';
import { StaffMemberEntity } from './staff/staff.entity';
import { StaffService } from './staff/staff.service';

/** Per-request loaders: every lookup by id in one request is one SQL statement per batch. */
export interface ClientsLoaders {
  client: DataLoader<string, ClientEntity | null>;
  staff: DataLoader<string, StaffMemberEntity | null>;
  consentsByClient: DataLoader<string, ConsentEntity[]>;
}

export interface ClientsContext extends RequestContext {
  loaders: ClientsLoaders;
  clients: ClientService;
  staff: StaffService;
}

export function createClientsLoaders(dataSource: DataSource): ClientsLoaders {
  return {
    client: rowLoader((ids) => dataSource.getRepository(ClientEntity).findBy({ id: In(ids) }), (c) => c.id),
    staff: rowLoader((ids) => dataSource.getRepository(StaffMemberEntity).findBy({ id: In(ids) }), (s) => s.id),
    consentsByClient: groupLoader((ids) => dataSource.getRepository(ConsentEntity).findBy({ clientId: In(ids) }), (c) => c.clientId),
  };
}

export function createClientsContext(dataSource: DataSource, base: RequestContext): ClientsContext {
  const loaders = createClientsLoaders(dataSource);
  return {
    ...base,
    loaders,
    clients: new ClientService(dataSource, loaders, base.audit),
    staff: new StaffService(loaders),
  };
}
