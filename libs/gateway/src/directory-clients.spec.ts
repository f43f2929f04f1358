import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type OperationDefinitionNode, parse } from 'graphql';
import { ANONYMOUS_READER, type Actor, machineActor } from '@caseflow/auth';
import { directoryClientRefusal, directoryFieldsOf } from './directory-clients';
import { principalOf } from './principal';

const SUPERGRAPH = readFileSync(join(__dirname, '..', '..', '..', 'apps', 'gateway', 'supergraph.graphql'), 'utf8');
const fields = directoryFieldsOf(SUPERGRAPH);
const ORG = '0b9c6c8e-2222-4aaa-8bbb-000000000001';
const staff: Actor = { staffId: '0b9c6c8e-1111-4aaa-8bbb-000000000001', role: 'PARTNER', organizationId: ORG };
const reader = machineActor('211-search', false, undefined);
const writer = machineActor('intake', true, ORG);

function refusal(actor: Actor, source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const error = directoryClientRefusal(actor, document, operation, fields);
  return error && { code: error.extensions.code, message: error.message };
}

describe('what a directory client may ask of the GraphQL API', () => {
  it("reads the resources subgraph's root fields from the supergraph, and no other subgraph's", () => {
    expect([...fields.query].sort()).toEqual([
      'organization',
      'organizations',
      'searchServices',
      'service',
      'serviceAtLocation',
      'taxonomyTerms',
    ]);
    expect(fields.mutation.has('updateService')).toBe(true);
    expect(fields.mutation.has('createReferral')).toBe(false);
    expect(fields.query.has('me')).toBe(false);
  });

  it('lets directory queries through, fragments and __typename included, for every kind of caller', () => {
    const query =
      '{ __typename ...Top taxonomyTerms { id } } fragment Top on Query { service(id: "x") { id } ... on Query { organization(id: "y") { id } } }';
    for (const actor of [staff, reader, writer, ANONYMOUS_READER]) expect(refusal(actor, query)).toBeUndefined();
  });

  it('refuses anything else to a machine client (FORBIDDEN) and an anonymous reader (UNAUTHENTICATED), naming the fields; staff untouched', () => {
    const query = '{ taxonomyTerms { id } ...F } fragment F on Query { me { id } client(id: "x") { id } }';
    expect(refusal(reader, query)).toEqual({
      code: 'FORBIDDEN',
      message: 'Not allowed for this client: me, client (a directory client reads the resource directory only)',
    });
    expect(refusal(ANONYMOUS_READER, query)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Only the resource directory is public; me, client needs a bearer token',
    });
    expect(refusal(staff, query)).toBeUndefined();
  });

  it('lets only a directory:write client edit, and only the directory', () => {
    const edit = 'mutation { updateService(id: "x", input: {}) { id } }';
    expect(refusal(writer, edit)).toBeUndefined();
    expect(refusal(reader, edit)).toEqual({
      code: 'FORBIDDEN',
      message: 'Not allowed for this client: updateService (changing the directory needs the directory:write scope)',
    });
    expect(refusal(ANONYMOUS_READER, edit)?.code).toBe('UNAUTHENTICATED');
    expect(refusal(writer, 'mutation { markAllNotificationsRead }')?.code).toBe('FORBIDDEN');
    expect(refusal(writer, 'subscription { taxonomyTerms { id } }')?.code).toBe('FORBIDDEN');
  });
});

describe('principalOf', () => {
  it('keys a staff member by staff id, a machine client by client id, an anonymous reader by nothing', () => {
    expect(principalOf(staff)).toEqual({ kind: 'staff', key: staff.staffId });
    expect(principalOf(writer)).toEqual({ kind: 'machine', key: 'intake' });
    expect(principalOf(ANONYMOUS_READER)).toEqual({ kind: 'anonymous', key: null });
  });
});
