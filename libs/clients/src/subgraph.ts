import type { GraphQLSchema } from 'graphql';
import { CLIENT_ACCESS_PATH } from '@caseflow/auth';
import { buildFederatedSchema, type SubgraphDefinition } from '@caseflow/federation';
import { clientAccessRoute } from './access/access.route';
import { ClientEntity } from './client/client.entity';
import { ClientResolver } from './client/client.resolver';
import { ConsentEntity } from './consent/consent.entity';
import { createClientsContext, type ClientsContext } from './context';
import { InitClients1763856000000 } from './migrations/1763856000000-InitClients';
import { StaffMemberEntity } from './staff/staff.entity';
import { StaffResolver } from './staff/staff.resolver';

export function buildClientsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ClientResolver, StaffResolver],
    referenceResolvers: {
      Client: (ref, ctx: ClientsContext) => ctx.clients.reference(ctx.actor, ref.id),
      StaffMember: (ref, ctx: ClientsContext) => ctx.staff.reference(ctx.actor, ref.id),
    },
  });
}

/** The clients subgraph: clients, staff, consents (and, with the domain issues, assessments and notes). */
export const clientsSubgraph: SubgraphDefinition<ClientsContext> = {
  name: 'clients',
  dbSchema: 'clients',
  entities: [StaffMemberEntity, ClientEntity, ConsentEntity],
  migrations: [InitClients1763856000000],
  buildSchema: buildClientsSchema,
  createContext: (dataSource, base) => createClientsContext(dataSource, base),
  internalRoutes: (dataSource) => ({ [CLIENT_ACCESS_PATH]: clientAccessRoute(dataSource) }),
};
