import { buildSchema } from 'graphql';
import { contractProblems, contractProblemsFromSdls } from './lib/contract';

const contract = buildSchema(`
  enum Status { OPEN CLOSED }
  input Filter { status: [Status!] name: String }
  type Item { id: ID! status: Status! tags(first: Int = 5): [String!]! }
  union Thing = Item
  type Query { item(id: ID!): Item things: [Thing!]! }
`);

describe('contractProblems', () => {
  it('accepts an API that contains the contract and adds to it', () => {
    const api = buildSchema(`
      enum Status { OPEN CLOSED ARCHIVED }
      input Filter { status: [Status!] name: String extra: Int }
      type Item { id: ID! status: Status! tags(first: Int = 5, after: String): [String!]! added: Int }
      type Other { id: ID! }
      union Thing = Item | Other
      type Query { item(id: ID!): Item things: [Thing!]! more: Int }
    `);
    expect(contractProblems(contract, api)).toEqual([]);
  });

  it('lists each removed or changed part in one sentence', () => {
    const api = buildSchema(`
      enum Status { OPEN }
      input Filter { status: [Status!] name: String! required: Int! }
      type Item { id: String! tags(first: Int = 10, mode: String!): [String!]! }
      union Thing = Item
      type Query { item(id: ID!, scope: String!): Item }
    `);
    expect(contractProblems(contract, api)).toEqual([
      'Status.CLOSED is missing',
      'Filter.name is String!, the contract says String',
      'Filter.required is a new required input field',
      'Item.id is String!, the contract says ID!',
      'Item.status is missing',
      'Item.tags(first:) defaults to 10, the contract says 5',
      'Item.tags(mode:) is a new required argument',
      'Query.item(scope:) is a new required argument',
      'Query.things is missing',
    ]);
  });

  it('names a missing type and a changed kind', () => {
    const api = buildSchema(`scalar Status input Item { id: ID } type Query { item(id: ID!): String }`);
    const problems = contractProblems(contract, api);
    expect(problems).toContain('Status is a scalar, the contract says enum');
    expect(problems).toContain('input type Filter is missing');
    expect(problems).toContain('union Thing is missing');
  });

  it('reads several files together: a base and the files that extend its types', () => {
    const base = 'type Item { id: ID! } type Query { item(id: ID!): Item }';
    const next = 'enum Colour { RED BLUE } extend type Item { colour: Colour } extend type Query { items(colour: Colour): [Item!]! }';
    const full = buildSchema(
      'enum Colour { RED BLUE GREEN } type Item { id: ID! colour: Colour added: Int } type Query { item(id: ID!): Item items(colour: Colour): [Item!]! }',
    );
    expect(contractProblemsFromSdls([base, next], full)).toEqual([]);
    // The base alone still passes against an API that has not added the next file's parts yet; both together do not.
    const older = buildSchema('type Item { id: ID! } type Query { item(id: ID!): Item }');
    expect(contractProblemsFromSdls([base], older)).toEqual([]);
    expect(contractProblemsFromSdls([base, next], older)).toEqual([
      'Item.colour is missing',
      'Query.items is missing',
      'enum Colour is missing',
    ]);
  });
});
