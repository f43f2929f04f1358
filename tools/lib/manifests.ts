/**
 * The Kubernetes manifests as the tests read them: `kubectl kustomize` of the
 * base or an overlay (rendered offline), parsed, validated against the
 * Kubernetes schemas (tools/lib/kubernetes-validate.mjs), and read as the
 * environment each container gets.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './local';

export const KUSTOMIZE_DIR = join(ROOT, 'deploy', 'kustomize');
export const LAYOUTS = ['base', 'overlays/small', 'overlays/large'] as const;
export type Layout = (typeof LAYOUTS)[number];

// The rendered objects are read loosely, as the schemas validate them separately.
export type K8sObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Rendered {
  text: string;
  objects: K8sObject[];
}

export function render(layout: Layout): Rendered {
  // The supergraph ConfigMap's file, as `npm run build` writes it (a build output, not committed).
  require(join(ROOT, 'tools', 'kustomize-supergraph.js')); // eslint-disable-line @typescript-eslint/no-require-imports
  const text = execFileSync('kubectl', ['kustomize', join(KUSTOMIZE_DIR, layout)], { encoding: 'utf8' });
  return { text, objects: parseAllDocuments(text).map((doc) => doc.toJSON() as K8sObject) };
}

export interface Validation {
  kind: string;
  name: string;
  errors: string[];
}

/** Each object against the Kubernetes OpenAPI schemas of `kubernetes-models`, offline. */
export function validate(objects: K8sObject[]): Validation[] {
  const out = execFileSync(process.execPath, [join(ROOT, 'tools', 'lib', 'kubernetes-validate.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  return JSON.parse(out) as Validation[];
}

export const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);

export function named(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
}

/** The pod spec of a Deployment or a Job. */
export const podOf = (workload: K8sObject): K8sObject => workload.spec.template.spec;

/**
 * The environment a container gets: its `env` (a Secret reference read as
 * `secret:<name>/<key>`, never a value) and the ConfigMaps of its `envFrom`,
 * found among the rendered objects.
 */
export function environmentOf(container: K8sObject, objects: K8sObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, named(objects, 'ConfigMap', from.configMapRef.name).data);
    if (from.secretRef) throw new Error('envFrom a whole Secret: name each key instead');
  }
  for (const e of container.env ?? []) {
    const ref = e.valueFrom?.secretKeyRef;
    env[e.name] = ref ? `secret:${ref.name}/${ref.key}` : String(e.value);
  }
  return env;
}

/**
 * The names of the settings declared in a process's zod schema
 * (`NAME: setting.…(…)`) in a source file, those that may be left unset
 * (`setting.optional…`) aside.
 */
export function settingNames(source: string): string[] {
  return [...source.matchAll(/^\s+([A-Z][A-Z0-9_]+): setting\.(?!optional)/gm)].map((m) => m[1]);
}
