/**
 * Typed operations for the dashboard: reads the composed schema and the
 * dashboard's `.graphql` operations and writes TypeScript types for each
 * operation's result and variables, with a typed document to pass to urql.
 * A small generator of our own (no codegen package is installed): the
 * dashboard uses no interfaces or unions, so objects, lists, enums, inputs and
 * fragments on the same type are all it needs.
 */
import {
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type TypeNode,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  Kind,
  buildSchema,
  extendSchema,
  isObjectType,
  isTypeDefinitionNode,
  parse,
  print,
  typeFromAST,
  validate,
  visit,
} from 'graphql';

export interface OperationSource {
  file: string;
  text: string;
}

const SCALARS: Record<string, string> = {
  ID: 'string',
  String: 'string',
  Date: 'string',
  DateTime: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
};
const INTERNAL = /^(join__|link__|_)/;

/** The supergraph's SDL as a schema clients can validate against (federation's own types are left aside). */
export function schemaFromSupergraph(sdl: string): GraphQLSchema {
  return buildSchema(sdl, { assumeValidSDL: true });
}

/**
 * The schema with a contract's additions (types and `extend type` fields)
 * that it does not have yet: what the composed API will serve once the
 * subgraphs implementing the contract land. Anything already composed is
 * taken from the supergraph, so the contract can stay until it is all there.
 */
export function withContract(schema: GraphQLSchema, contractSdl: string): GraphQLSchema {
  const definitions = parse(contractSdl).definitions.flatMap((d): DefinitionNode[] => {
    const existing = 'name' in d && d.name ? schema.getType(d.name.value) : undefined;
    // A type composed only in part (e.g. an entity another subgraph refers to by its key) gets the contract's other fields.
    if (d.kind === Kind.OBJECT_TYPE_EXTENSION || (d.kind === Kind.OBJECT_TYPE_DEFINITION && isObjectType(existing))) {
      const fields = isObjectType(existing) ? existing.getFields() : {};
      const missing = (d.fields ?? []).filter((f) => !fields[f.name.value]);
      if (!missing.length) return [];
      if (d.kind === Kind.OBJECT_TYPE_EXTENSION) return [{ ...d, fields: missing }];
      return [{ kind: Kind.OBJECT_TYPE_EXTENSION, name: d.name, fields: missing }];
    }
    if (isTypeDefinitionNode(d) && schema.getType(d.name.value)) return [];
    return [d];
  });
  return definitions.length ? extendSchema(schema, { kind: Kind.DOCUMENT, definitions }, { assumeValidSDL: true }) : schema;
}

/** Every problem of the operations against the schema, as `file: message` lines (empty when all are valid). */
export function validateOperations(schema: GraphQLSchema, sources: OperationSource[]): string[] {
  const problems: string[] = [];
  const fragments = sources.flatMap((s) =>
    parse(s.text).definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION),
  );
  const names = new Set<string>();
  for (const source of sources) {
    const doc = parse(source.text);
    for (const d of doc.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION) continue;
      const name = d.name?.value;
      if (!name) problems.push(`${source.file}: every operation needs a name`);
      else if (names.has(name)) problems.push(`${source.file}: ${name} is defined twice`);
      else names.add(name);
    }
    const own = new Set(doc.definitions.map((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? d.name.value : '')));
    const withFragments: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [...doc.definitions, ...fragments.filter((f) => !own.has(f.name.value))],
    };
    for (const error of validate(schema, withFragments)) {
      // Fragments of other files are shared: each file need not use all of them.
      if (/^Fragment ".*" is never used\.$/.test(error.message)) continue;
      problems.push(`${source.file}: ${error.message}`);
    }
  }
  return problems;
}

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');
}

class Generator {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    sources: OperationSource[],
  ) {
    for (const s of sources) {
      for (const d of parse(s.text).definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
    }
  }

  enums(): string {
    const out: string[] = [];
    for (const type of this.namedTypes()) {
      if (!(type instanceof GraphQLEnumType)) continue;
      const values = type.getValues().map((v) => `'${v.name}'`);
      out.push(`export type ${type.name} = ${values.join(' | ')};`);
      out.push(`export const ${type.name}Values: readonly ${type.name}[] = [${values.join(', ')}];`);
    }
    return out.join('\n');
  }

  inputs(): string {
    const out: string[] = [];
    for (const type of this.namedTypes()) {
      if (!(type instanceof GraphQLInputObjectType)) continue;
      const fields = Object.values(type.getFields()).map((f) => {
        const optional = !(f.type instanceof GraphQLNonNull) || f.defaultValue !== undefined;
        return `  ${f.name}${optional ? '?' : ''}: ${this.inputType(f.type)};`;
      });
      out.push(`export interface ${type.name} {\n${fields.join('\n')}\n}`);
    }
    return out.join('\n\n');
  }

  operation(op: OperationDefinitionNode): string {
    const name = op.name?.value ?? '';
    const kind = op.operation === 'query' ? 'Query' : op.operation === 'mutation' ? 'Mutation' : 'Subscription';
    const root = kind === 'Query' ? this.schema.getQueryType() : this.schema.getMutationType();
    if (!root) throw new Error(`The schema has no ${kind} type`);
    const typeName = `${pascal(name)}${kind}`;
    const vars = (op.variableDefinitions ?? []).map((v) => {
      const type = typeFromAST(this.schema, v.type as never) as GraphQLInputType | undefined;
      if (!type) throw new Error(`${name}: unknown type ${print(v.type as TypeNode)}`);
      const optional = !(type instanceof GraphQLNonNull) || v.defaultValue !== undefined;
      return `  ${v.variable.name.value}${optional ? '?' : ''}: ${this.inputType(type)};`;
    });
    const document = [
      print(op),
      ...[...this.usedFragments(op.selectionSet)].map((f) => print(this.fragments.get(f) as FragmentDefinitionNode)),
    ].join('\n\n');
    return [
      `export type ${typeName} = ${this.selection(root, op.selectionSet)};`,
      `export type ${typeName}Variables = ${vars.length ? `{\n${vars.join('\n')}\n}` : 'Record<string, never>'};`,
      `export const ${pascal(name)}Document = gql<${typeName}, ${typeName}Variables>(\`\n${document.replace(/`/g, '\\`')}\n\`);`,
    ].join('\n');
  }

  fragmentTypes(): string {
    return [...this.fragments.values()]
      .sort((a, b) => a.name.value.localeCompare(b.name.value))
      .map((f) => {
        const type = this.schema.getType(f.typeCondition.name.value);
        if (!isObjectType(type)) throw new Error(`Fragment ${f.name.value} must be on an object type`);
        return `export type ${pascal(f.name.value)}Fragment = ${this.selection(type, f.selectionSet)};`;
      })
      .join('\n\n');
  }

  private namedTypes(): GraphQLNamedType[] {
    return Object.values(this.schema.getTypeMap())
      .filter((t) => !t.name.startsWith('__') && !INTERNAL.test(t.name))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private inputType(type: GraphQLInputType): string {
    if (type instanceof GraphQLNonNull) return this.inputTypeInner(type.ofType);
    return `${this.inputTypeInner(type)} | null`;
  }

  private inputTypeInner(type: GraphQLInputType): string {
    if (type instanceof GraphQLNonNull) return this.inputTypeInner(type.ofType);
    if (type instanceof GraphQLList) return `Array<${this.inputTypeNonNull(type.ofType)}>`;
    if (type instanceof GraphQLScalarType) return SCALARS[type.name] ?? 'unknown';
    return type.name;
  }

  private inputTypeNonNull(type: GraphQLInputType): string {
    return type instanceof GraphQLNonNull ? this.inputTypeInner(type.ofType) : `${this.inputTypeInner(type)} | null`;
  }

  private usedFragments(selectionSet: SelectionSetNode, found = new Set<string>()): Set<string> {
    visit(selectionSet, {
      FragmentSpread: (node) => {
        if (found.has(node.name.value)) return;
        found.add(node.name.value);
        const fragment = this.fragments.get(node.name.value);
        if (!fragment) throw new Error(`Unknown fragment ${node.name.value}`);
        this.usedFragments(fragment.selectionSet, found);
      },
    });
    return found;
  }

  /** The fields a selection set gives, in order, with fragments on the same type merged in. */
  private fieldsOf(parent: GraphQLObjectType, selectionSet: SelectionSetNode): Array<{ key: string; text: string }> {
    const fields: Array<{ key: string; text: string }> = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        if (selection.name.value === '__typename') {
          fields.push({ key, text: `'${parent.name}'` });
          continue;
        }
        const field = parent.getFields()[selection.name.value];
        if (!field) throw new Error(`${parent.name} has no field ${selection.name.value}`);
        fields.push({ key, text: this.outputType(field.type, selection.selectionSet) });
      } else {
        const set =
          selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : this.fragments.get(selection.name.value)?.selectionSet;
        const on =
          selection.kind === Kind.INLINE_FRAGMENT
            ? selection.typeCondition?.name.value
            : this.fragments.get(selection.name.value)?.typeCondition.name.value;
        if (!set) throw new Error(`Unknown fragment in ${parent.name}`);
        if (on && on !== parent.name) throw new Error(`Fragments must be on the type they are spread in (${on} in ${parent.name})`);
        for (const f of this.fieldsOf(parent, set)) if (!fields.some((g) => g.key === f.key)) fields.push(f);
      }
    }
    return fields;
  }

  private selection(parent: GraphQLObjectType, selectionSet: SelectionSetNode): string {
    const lines = this.fieldsOf(parent, selectionSet).map((f) => `${f.key}: ${f.text};`);
    return `{\n${indent(lines.join('\n'), '  ')}\n}`;
  }

  private outputType(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): string {
    if (type instanceof GraphQLNonNull) return this.outputInner(type.ofType, selectionSet);
    return `${this.outputInner(type, selectionSet)} | null`;
  }

  private outputInner(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): string {
    if (type instanceof GraphQLNonNull) return this.outputInner(type.ofType, selectionSet);
    if (type instanceof GraphQLList) {
      const inner =
        type.ofType instanceof GraphQLNonNull
          ? this.outputInner(type.ofType.ofType, selectionSet)
          : `${this.outputInner(type.ofType, selectionSet)} | null`;
      return `Array<${inner}>`;
    }
    if (type instanceof GraphQLScalarType) return SCALARS[type.name] ?? 'unknown';
    if (type instanceof GraphQLEnumType) return type.name;
    if (isObjectType(type) && selectionSet) return this.selection(type, selectionSet);
    throw new Error(`Cannot type ${String(type)}: interfaces and unions are not supported`);
  }
}

/** The TypeScript module for the operations: enums, input types, and per operation its result, variables and document. */
export function generateTypes(schema: GraphQLSchema, sources: OperationSource[]): string {
  const generator = new Generator(schema, sources);
  const operations = sources
    .flatMap((s) => parse(s.text).definitions)
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .sort((a, b) => (a.name?.value ?? '').localeCompare(b.name?.value ?? ''));
  return [
    '// Generated by `npx nx run dashboard:codegen` from src/graphql/*.graphql and the composed schema. Do not edit.',
    "import { gql } from '@urql/core';",
    '',
    generator.enums(),
    '',
    generator.inputs(),
    '',
    generator.fragmentTypes(),
    '',
    operations.map((op) => generator.operation(op)).join('\n\n'),
    '',
  ].join('\n');
}
