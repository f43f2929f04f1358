/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import type { GraphQLObjectType } from 'graphql';
import { GENERATED_FILE, loadOperationSources, loadSchema } from './files';
import { generateTypes, schemaFromSupergraph, validateOperations, withContract } from './generate';

describe('the dashboard’s typed operations', () => {
  const schema = loadSchema();
  const sources = loadOperationSources();

  it('all validate against the composed schema the gateway serves', () => {
    expect(sources.length).toBeGreaterThan(5);
    expect(validateOperations(schema, sources)).toEqual([]);
  });

  it('have their generated types up to date (run `npx nx run dashboard:codegen` after changing an operation or the schema)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generateTypes(schema, sources));
  });

  it('are refused with the reason when a field does not exist or a name repeats', () => {
    const problems = validateOperations(schema, [
      { file: 'a.graphql', text: 'query A { me { id nickname } }' },
      { file: 'b.graphql', text: 'query A { me { id } }' },
    ]);
    expect(problems).toEqual(['a.graphql: Cannot query field "nickname" on type "StaffMember".', 'b.graphql: A is defined twice']);
  });

  it('types results, lists, nullability, enums and input variables', () => {
    const small = schemaFromSupergraph(`
      enum Color { RED GREEN }
      input Filter { color: Color! near: [Int!] }
      type Thing { id: ID! tags: [String] color: Color parent: Thing }
      type Query { things(filter: Filter!, first: Int = 5): [Thing!]! }
    `);
    const out = generateTypes(small, [
      {
        file: 't.graphql',
        text: 'query Things($filter: Filter!, $first: Int) { things(filter: $filter, first: $first) { id tags color parent { id } } }',
      },
    ]);
    expect(out).toContain("export type Color = 'RED' | 'GREEN';");
    expect(out).toContain('export interface Filter {\n  color: Color;\n  near?: Array<number> | null;\n}');
    expect(out).toContain(
      'export type ThingsQuery = {\n  things: Array<{\n    id: string;\n    tags: Array<string | null> | null;\n    color: Color | null;\n    parent: {\n      id: string;\n    } | null;\n  }>;\n};',
    );
    expect(out).toContain('export type ThingsQueryVariables = {\n  filter: Filter;\n  first?: number | null;\n};');
  });

  it('adds a contract’s types and fields the supergraph lacks, and keeps what it has', () => {
    const partial = schemaFromSupergraph(`
      type Appointment { id: ID! }
      type Organization { id: ID! name: String! }
      type Query { organization(id: ID!): Organization }
    `);
    const schema = withContract(
      partial,
      `
      enum AppointmentStatus { SCHEDULED CANCELLED }
      type Appointment { id: ID! status: AppointmentStatus! }
      extend type Organization { name: String timeZone: String }
      extend type Query { appointment(id: ID!): Appointment }
    `,
    );
    expect(
      validateOperations(schema, [
        { file: 'a.graphql', text: 'query A { appointment(id: "1") { id status } organization(id: "o") { name timeZone } }' },
      ]),
    ).toEqual([]);
    // What the supergraph has wins: `name` stays non-null.
    expect(String(schema.getQueryType()?.getFields().organization.type)).toBe('Organization');
    expect(String((schema.getType('Organization') as GraphQLObjectType).getFields().name.type)).toBe('String!');
  });
});
