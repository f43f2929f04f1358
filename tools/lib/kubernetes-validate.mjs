#!/usr/bin/env node
/**
 * `node tools/lib/kubernetes-validate.mjs < objects.json`: validates each
 * Kubernetes object of a JSON array against the Kubernetes OpenAPI schemas,
 * offline, with the `kubernetes-models` package (its models are ES modules,
 * hence a script of their own), and prints a JSON array with one entry per
 * object: `{ kind, name, errors }`, errors empty when the object is valid.
 * An apiVersion/kind the package does not know is an error too.
 */
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));

async function modelOf(apiVersion, kind) {
  try {
    const models = await import(`kubernetes-models/${apiVersion}`);
    return models[kind];
  } catch {
    return undefined;
  }
}

const results = [];
for (const object of objects) {
  const entry = { kind: `${object.apiVersion}/${object.kind}`, name: object.metadata?.name ?? '', errors: [] };
  const Model = await modelOf(object.apiVersion, object.kind);
  if (!Model) entry.errors.push(`no schema for ${entry.kind}`);
  else {
    try {
      new Model(object).validate();
    } catch (error) {
      const details = Array.isArray(error.errors) ? error.errors.map((e) => `${e.instancePath} ${e.message}`) : [];
      entry.errors.push(...(details.length ? details : [String(error.message ?? error)]));
    }
  }
  results.push(entry);
}
process.stdout.write(`${JSON.stringify(results)}\n`);
