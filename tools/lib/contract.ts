/**
 * Compares a contract SDL (the public API that clients code against) with the
 * composed API schema: every type, field, argument, input field, enum value
 * and union member of the contract must be there with the same type (and the
 * same default). Additions are fine, except a new required argument or input
 * field, which would break existing callers.
 */
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  isUnionType,
} from 'graphql';

function kindOf(type: GraphQLNamedType): string {
  if (isObjectType(type)) return 'object type';
  if (isInterfaceType(type)) return 'interface';
  if (isInputObjectType(type)) return 'input type';
  if (isEnumType(type)) return 'enum';
  if (isUnionType(type)) return 'union';
  return 'scalar';
}

const defaultOf = (value: unknown) => JSON.stringify(value ?? null);

function compareArguments(
  owner: string,
  expected: readonly GraphQLArgument[],
  actual: readonly GraphQLArgument[],
  problems: string[],
): void {
  for (const arg of expected) {
    const found = actual.find((a) => a.name === arg.name);
    if (!found) problems.push(`${owner}(${arg.name}:) is missing`);
    else if (String(found.type) !== String(arg.type))
      problems.push(`${owner}(${arg.name}:) is ${found.type}, the contract says ${arg.type}`);
    else if (defaultOf(found.defaultValue) !== defaultOf(arg.defaultValue)) {
      problems.push(
        `${owner}(${arg.name}:) defaults to ${defaultOf(found.defaultValue)}, the contract says ${defaultOf(arg.defaultValue)}`,
      );
    }
  }
  for (const arg of actual) {
    if (!expected.some((a) => a.name === arg.name) && isNonNullType(arg.type) && arg.defaultValue === undefined) {
      problems.push(`${owner}(${arg.name}:) is a new required argument`);
    }
  }
}

function compareFields(
  typeName: string,
  expected: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
  actual: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
  input: boolean,
  problems: string[],
): void {
  for (const [name, field] of Object.entries(expected)) {
    const found = actual[name];
    if (!found) {
      problems.push(`${typeName}.${name} is missing`);
      continue;
    }
    if (String(found.type) !== String(field.type)) problems.push(`${typeName}.${name} is ${found.type}, the contract says ${field.type}`);
    if ('args' in field && 'args' in found) compareArguments(`${typeName}.${name}`, field.args, found.args, problems);
    if (input && defaultOf((found as GraphQLInputField).defaultValue) !== defaultOf((field as GraphQLInputField).defaultValue)) {
      problems.push(
        `${typeName}.${name} defaults to ${defaultOf((found as GraphQLInputField).defaultValue)}, the contract says ${defaultOf((field as GraphQLInputField).defaultValue)}`,
      );
    }
  }
  if (input) {
    for (const [name, field] of Object.entries(actual)) {
      if (!expected[name] && isNonNullType(field.type) && (field as GraphQLInputField).defaultValue === undefined) {
        problems.push(`${typeName}.${name} is a new required input field`);
      }
    }
  }
}

/** Every difference by which `api` fails to contain `contract`, one sentence each. */
export function contractProblems(contract: GraphQLSchema, api: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
    const found = api.getType(type.name);
    if (!found) {
      problems.push(`${kindOf(type)} ${type.name} is missing`);
      continue;
    }
    if (kindOf(found) !== kindOf(type)) {
      problems.push(`${type.name} is a ${kindOf(found)}, the contract says ${kindOf(type)}`);
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(found) || isInterfaceType(found))) {
      compareFields(type.name, type.getFields(), found.getFields(), false, problems);
    } else if (isInputObjectType(type) && isInputObjectType(found)) {
      compareFields(type.name, type.getFields(), found.getFields(), true, problems);
    } else if (isEnumType(type) && isEnumType(found)) {
      for (const value of type.getValues()) if (!found.getValue(value.name)) problems.push(`${type.name}.${value.name} is missing`);
    } else if (isUnionType(type) && isUnionType(found)) {
      const members = new Set(found.getTypes().map((t) => t.name));
      for (const member of type.getTypes()) if (!members.has(member.name)) problems.push(`${type.name} lacks member ${member.name}`);
    }
  }
  return problems;
}

export function contractProblemsFromSdl(contractSdl: string, api: GraphQLSchema): string[] {
  return contractProblems(buildSchema(contractSdl), api);
}

/**
 * The problems of several SDL files read together as one contract: a base
 * (api.graphql) and the files that extend its types (`next/*.graphql`,
 * written with `extend type`), in the order given.
 */
export function contractProblemsFromSdls(contractSdls: readonly string[], api: GraphQLSchema): string[] {
  return contractProblemsFromSdl(contractSdls.join('\n\n'), api);
}
