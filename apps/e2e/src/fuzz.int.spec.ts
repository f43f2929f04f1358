/**
 * The fuzz suite: schema-driven and property-based (fast-check, fixed seed).
 * For every root query and mutation of the composed API that takes
 * arguments, and every field with arguments on a root query's own type, a
 * valid-ish base input is built from the argument types, then one input
 * field at a time is replaced by a malformed value of its kind
 * (bad dates and instants, NUL and control characters, upper-case and
 * garbage ids, huge strings, wrong enum values, negative and huge numbers).
 * Every answer must be data or a coded client error — never
 * INTERNAL_SERVER_ERROR, never an error without a code — and a refused write
 * must change nothing (a digest of every subgraph's tables before and after).
 * The HSDS API's parameters get the same treatment.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  Kind,
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
} from 'graphql';
import { NORTHSIDE_ID } from '@caseflow/demo';
import { SUPERGRAPH_FILE } from '@caseflow/platform';
import { type Digest, type Digester, openDigester } from './digest';
import { startTestStack, type StaffKey, type TestStack } from './harness';

const SEED = 22;
/** Malformed values tried per input field: the walk takes about 25 s here, twice that on a loaded machine; the jest timeout bounds it at two minutes. */
const RUNS_PER_FIELD = 2;
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'CONFLICT',
  'INVALID_TRANSITION',
  'UNAUTHENTICATED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
]);

let stack: TestStack;
let digester: Digester;
beforeAll(async () => {
  stack = await startTestStack();
  digester = await openDigester(stack.databaseUrl, stack.settleEvents);
});
afterAll(async () => {
  await digester?.close();
  await stack?.stop();
});

const DAY = 86_400_000;
const RANDOM_ID = '6f1c2b9e-8d4a-4c3b-9a7e-2d5f0c1b3a48';

/** Which subgraph answers each root field, read from the supergraph's join directives: directory edits are tried by a partner. */
function ownerGraphs(): Map<string, string> {
  const owners = new Map<string, string>();
  for (const def of parse(readFileSync(SUPERGRAPH_FILE, 'utf8')).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || (def.name.value !== 'Query' && def.name.value !== 'Mutation')) continue;
    for (const field of def.fields ?? []) {
      const join = field.directives?.find((d) => d.name.value === 'join__field');
      const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      if (graph?.kind === Kind.ENUM) owners.set(`${def.name.value}.${field.name.value}`, graph.value);
    }
  }
  return owners;
}

/** A real id for the names that refer to seeded records; a well-formed unknown id otherwise. */
function idFor(name: string, rootField: string): string {
  const w = stack.world;
  const casey = stack.staff('casey');
  const client = w.clients.find((c) => c.caseManagerId === casey.id && c.status === 'ACTIVE')!;
  const service = w.services.find((s) => s.organizationId === NORTHSIDE_ID)!;
  const plan =
    w.plans.find((p) => p.clientId === client.id) ??
    w.plans.find((p) => w.clients.some((c) => c.id === p.clientId && c.caseManagerId === casey.id));
  const referral = w.referrals.find((r) => w.clients.some((c) => c.id === r.clientId && c.caseManagerId === casey.id));
  const byName: Record<string, string | undefined> = {
    clientId: client.id,
    serviceId: service.id,
    organizationId: NORTHSIDE_ID,
    recipientOrganizationId: NORTHSIDE_ID,
    locationId: service.locationId,
    planId: plan?.id,
    referralId: referral?.id,
    staffMemberId: casey.id,
    caseManagerId: casey.id,
    assignedCaseManagerId: casey.id,
  };
  if (name === 'id') {
    const byField: Record<string, string | undefined> = {
      client: client.id,
      actionPlan: plan?.id,
      referral: referral?.id,
      service: service.id,
      organization: NORTHSIDE_ID,
      staffMember: casey.id,
      updateService: service.id,
      setServiceStatus: service.id,
      updateLocation: service.locationId,
    };
    return byField[rootField] ?? RANDOM_ID;
  }
  return byName[name] ?? RANDOM_ID;
}

/** A valid-ish value of `type`: required input fields filled, optional ones left out. */
function baseValue(type: GraphQLInputType, name: string, rootField: string): unknown {
  if (isNonNullType(type)) return baseValue(type.ofType, name, rootField);
  if (isListType(type)) return [baseValue(type.ofType, name, rootField)];
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined) out[field.name] = baseValue(field.type, field.name, rootField);
    }
    return out;
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return idFor(name, rootField);
    case 'Int':
      return name === 'expectedVersion' ? 1 : 5;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    case 'DateTime':
      return new Date(Date.now() + 7 * DAY).toISOString();
    default:
      return name === 'email' ? 'someone@example.org' : 'Fuzz text';
  }
}

interface Leaf {
  /** Where the value sits in the variables: argument name, then input field names and list indexes. */
  path: Array<string | number>;
  type: GraphQLNamedType;
}

/** Every leaf an input can hold: the base input's own leaves, and each optional field once. */
function leaves(type: GraphQLInputType, path: Array<string | number>): Leaf[] {
  if (isNonNullType(type)) return leaves(type.ofType, path);
  if (isListType(type)) return leaves(type.ofType, [...path, 0]);
  if (isInputObjectType(type)) return Object.values(type.getFields()).flatMap((f) => leaves(f.type, [...path, f.name]));
  return [{ path, type: getNamedType(type) }];
}

const hugeText = 'x'.repeat(30_000);
const badDates = ['not-a-date', '', '2019-1-1', '2019-02-30', '0000-01-01', '9999-12-31', '2019-13-01', 20190101, hugeText];
const badInstants = [
  'not-an-instant',
  '',
  '2019-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '2019-01-01T10:00:00+99:99',
  '9999-12-31T23:59:59Z',
  '2019-01-01T24:00:00Z',
  '2019-01-01',
  hugeText,
];
const controlText = fc
  .tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u000b'), fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => `${a}${c}${b}`);

function malformed(type: GraphQLNamedType, base: unknown): fc.Arbitrary<unknown> {
  const common = fc.constantFrom<unknown>(null, hugeText, 42, true, { nested: 'object' });
  if (isEnumType(type)) return fc.oneof(fc.constantFrom<unknown>('NOT_A_VALUE', 'active', ''), common);
  if (!isScalarType(type)) return common;
  switch (type.name) {
    case 'ID':
      return fc.oneof(
        fc.constant(typeof base === 'string' ? base.toUpperCase() : 'X'),
        fc.constantFrom<unknown>('not-a-uuid', '', '00000000-0000-0000-0000-00000000000g', `${RANDOM_ID}\u0000`),
        fc.uuid().map((u) => u.toUpperCase()),
        common,
      );
    case 'Int':
    case 'Float':
      return fc.oneof(fc.constantFrom<unknown>(-1, 0, 2_147_483_647, -2_147_483_648, 1e12, 1.5, 'five'), fc.integer());
    case 'Boolean':
      return fc.constantFrom<unknown>('yes', 1, null);
    case 'Date':
      return fc.constantFrom<unknown>(...badDates);
    case 'DateTime':
      return fc.constantFrom<unknown>(...badInstants);
    default:
      return fc.oneof(controlText, fc.constantFrom<unknown>(hugeText, '', ' '), fc.string({ unit: 'binary', maxLength: 20 }), common);
  }
}

function setAt(target: Record<string, unknown>, path: Array<string | number>, value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

interface Target {
  kind: 'query' | 'mutation';
  root: GraphQLField<unknown, unknown>;
  /** A field with arguments on the root field's own type (e.g. `client(id) { caseNotes(first, after) }`); its arguments are fuzzed. */
  nested?: GraphQLField<unknown, unknown>;
}

const NESTED = 'n_';

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const named = getNamedType(field.type);
  return isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
}

function operationText({ kind, root, nested }: Target): string {
  const defs = [
    ...root.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`),
    ...(nested?.args ?? []).map((a) => `$${NESTED}${a.name}: ${a.type.toString()}`),
  ].join(', ');
  const args = root.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const inner = nested
    ? ` { ${nested.name}(${nested.args.map((a) => `${a.name}: $${NESTED}${a.name}`).join(', ')})${selectionOf(nested)} }`
    : selectionOf(root);
  return `${kind}(${defs}) { ${root.name}(${args})${inner} }`;
}

/** Every root field with arguments, and every field with arguments on the type a root query answers. */
function targets(schema: GraphQLSchema): Target[] {
  const out: Target[] = [];
  for (const kind of ['mutation', 'query'] as const) {
    const rootType = kind === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
    for (const root of Object.values(rootType.getFields())) {
      if (root.args.length > 0) out.push({ kind, root });
      const named = getNamedType(root.type);
      if (kind === 'query' && isObjectType(named) && root.args.every((a) => isScalarType(getNamedType(a.type)))) {
        for (const nested of Object.values(named.getFields()).filter((f) => f.args.length > 0)) out.push({ kind, root, nested });
      }
    }
  }
  return out;
}

function codesOf(res: { errors?: Array<{ extensions?: Record<string, unknown> }> }): unknown[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}

describe('fuzzing every argument of the composed API', () => {
  it('answers data or a coded client error, and a refused write changes nothing', async () => {
    const introspection = await stack.as<never>('casey', getIntrospectionQuery());
    const schema = buildClientSchema(introspection.data as never);
    const owners = ownerGraphs();
    const failures: string[] = [];
    let requests = 0;
    let last: Digest = await digester.read();

    for (const target of targets(schema)) {
      const { kind, root, nested } = target;
      const as: StaffKey = kind === 'mutation' && owners.get(`Mutation.${root.name}`) === 'RESOURCES' ? 'pat' : 'casey';
      const base = Object.fromEntries([
        ...root.args.map((a) => [a.name, baseValue(a.type, a.name, root.name)]),
        ...(nested?.args ?? []).map((a) => [`${NESTED}${a.name}`, baseValue(a.type, a.name, nested!.name)]),
      ]);
      const query = operationText(target);
      const fuzzed = nested
        ? nested.args.map((a) => ({ type: a.type, name: `${NESTED}${a.name}` }))
        : root.args.map((a) => ({ type: a.type, name: a.name }));
      const label = nested ? `${root.name}.${nested.name}` : root.name;
      for (const leaf of fuzzed.flatMap((a) => leaves(a.type, [a.name]))) {
        const baseLeaf = leaf.path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], base);
        await fc.assert(
          fc.asyncProperty(malformed(leaf.type, baseLeaf), async (value) => {
            const variables = setAt(base, leaf.path, value);
            const res = await stack.as(as, query, variables);
            requests += 1;
            const codes = codesOf(res);
            const bad = codes.filter((c) => typeof c !== 'string' || !CLIENT_ERROR_CODES.has(c));
            if (bad.length > 0)
              failures.push(
                `${label} ${leaf.path.join('.')}=${JSON.stringify(value)?.slice(0, 60)}: ${JSON.stringify(res.errors).slice(0, 300)}`,
              );
            if (kind === 'mutation') {
              // The digest after the previous write is this one's "before": one read per write.
              const after = await digester.read();
              const refused = codes.length > 0 && !res.data?.[root.name];
              if (refused && JSON.stringify(after) !== JSON.stringify(last)) {
                failures.push(
                  `${label} ${leaf.path.join('.')}: refused (${codes.join(',')}) yet changed ${JSON.stringify(diffKeys(last, after))}`,
                );
              }
              last = after;
            }
          }),
          { seed: SEED, numRuns: RUNS_PER_FIELD, endOnFailure: true },
        );
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(300);
  }, 120_000);

  it('the HSDS API answers every malformed parameter with a code', async () => {
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const token = await stack.issuer.token(stack.actor('pat'));
    const names = [
      'search',
      'page',
      'per_page',
      'format',
      'taxonomy_term_id',
      'organization_id',
      'modified_after',
      'minimal',
      'full',
      'postcode',
      'proximity',
      'x'.repeat(300),
    ];
    const value = fc.oneof(
      controlText,
      fc.constantFrom('2019-02-30', '0000-01-01', '-1', '1e9', 'true', '', 'x'.repeat(500)),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    const path = fc.constantFrom(
      '/hsds/services',
      '/hsds/organizations',
      '/hsds/taxonomy_terms',
      `/hsds/services/${RANDOM_ID.toUpperCase()}`,
      '/hsdsx/services',
      `/hsds/${'p'.repeat(5_000)}`,
      '/hsds/constructor',
      '/hsds/__proto__',
      '/hsds/toString/1',
      '/hsds/services/hasOwnProperty',
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom(...names), value, async (p, name, v) => {
        const res = await fetch(`${base}${p}?${new URLSearchParams({ [name]: v }).toString()}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const text = await res.text();
        if (res.status >= 400) {
          expect(res.status).toBeLessThan(500);
          expect(CLIENT_ERROR_CODES.has(JSON.parse(text).errors?.[0]?.extensions?.code)).toBe(true);
          expect(text.length).toBeLessThan(2_000);
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 60_000);
});

function diffKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}
