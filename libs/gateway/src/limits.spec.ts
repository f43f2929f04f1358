import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { type QueryLimits, costError, estimateCost, shapeLimitRule } from './limits';

const schema = buildSchema(`
  type Item { id: ID! name: String! children(first: Int = 20): ItemConnection! tags: [String!]! parent: Item }
  type ItemEdge { node: Item! }
  type ItemConnection { edges: [ItemEdge!]! totalCount: Int! }
  type Query { item(id: ID!): Item items(first: Int = 25): ItemConnection! }
`);
const limits: QueryLimits = { maxDepth: 5, maxAliases: 3, maxRootFields: 2, maxCost: 1000, defaultListSize: 10 };
const messages = (query: string) => validate(schema, parse(query), [shapeLimitRule(limits)]).map((e) => e.message);
const cost = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  return estimateCost(schema, document, document.definitions[0] as OperationDefinitionNode, limits, variables);
};

describe('shape limits', () => {
  it('accept an operation within every limit', () => {
    expect(messages('{ item(id: "1") { id parent { id parent { name } } } }')).toEqual([]);
  });

  it('refuse depth, aliases and root fields past their limits, fragments included', () => {
    expect(messages('{ item(id: "1") { parent { parent { parent { parent { parent { id } } } } } } }')).toEqual([
      'The query is 7 levels deep; at most 5 are allowed',
    ]);
    expect(messages('fragment Deep on Item { parent { parent { parent { id } } } } { item(id: "1") { parent { ...Deep } } }')).toEqual([
      'The query is 6 levels deep; at most 5 are allowed',
    ]);
    expect(messages('{ item(id: "1") { a: id b: id c: id d: id } }')).toEqual(['The query uses 4 aliases; at most 3 are allowed']);
    expect(messages('{ a: item(id: "1") { id } b: item(id: "2") { id } c: item(id: "3") { id } }')).toEqual([
      'The query asks for 3 root fields; at most 2 are allowed',
    ]);
  });
});

describe('estimated cost', () => {
  it('multiplies what is under a connection by its page size and a plain list by the default', () => {
    expect(cost('{ item(id: "1") { id name } }')).toBe(3);
    expect(cost('{ items(first: 5) { totalCount edges { node { id tags } } } }')).toBe(1 + 5 * (1 + 1 + 10 * (1 + 1 + 1)));
    expect(cost('{ items { edges { node { id } } } }')).toBe(1 + 25 * (1 + 10 * (1 + 1)));
  });

  it('reads page sizes from variables', () => {
    expect(cost('query($n: Int) { items(first: $n) { totalCount } }', { n: 100 })).toBe(1 + 100);
  });

  it('refuses nested pages that would fetch too much', () => {
    const c = cost('{ items(first: 100) { edges { node { children(first: 100) { totalCount } } } } }');
    expect(c).toBeGreaterThan(1000);
    expect(costError(c, limits)?.extensions).toEqual({ code: 'BAD_USER_INPUT', cost: c, maxCost: 1000 });
    expect(costError(10, limits)).toBeNull();
  });
});
