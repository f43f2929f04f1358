/**
 * The OpenAPI document served at /hsds/openapi.json against the routes'
 * own definitions (routes.ts's dispatch tables, through `hsdsRoutes`): every
 * path the API answers appears with exactly the query parameters it accepts,
 * and nothing else; and the document is a structurally valid OpenAPI 3.1
 * document (no OpenAPI validator is among the project's dependencies, so the
 * rules of the specification that matter here are checked below).
 */
import { openApiDocument } from './openapi';
import { readParams } from './params';
import { hsdsRoutes } from './routes';

type Json = Record<string, unknown>;
const doc = openApiDocument() as Json & { paths: Record<string, Json>; components: Record<string, Record<string, Json>> };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Follows an internal `$ref` (`#/components/...`); undefined when it does not resolve. */
function resolve(value: Json): Json | undefined {
  const target = value.$ref;
  if (typeof target !== 'string') return value;
  if (!target.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const part of target.slice(2).split('/')) node = node && typeof node === 'object' ? (node as Json)[part] : undefined;
  return node && typeof node === 'object' ? (node as Json) : undefined;
}

/** The parameters of an operation, its path's first (an operation's own replace a path's of the same name and place). */
function parametersOf(path: string, method: string): Json[] {
  const item = doc.paths[path];
  const byKey = new Map<string, Json>();
  for (const raw of [...((item.parameters as Json[]) ?? []), ...(((item[method] as Json).parameters as Json[]) ?? [])]) {
    const parameter = resolve(raw);
    if (parameter) byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

/** Every `$ref` in the document. */
function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refs(inner, found);
    }
  }
  return found;
}

/** What the OpenAPI 3.1 specification requires of the parts this document uses. */
function structuralProblems(): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push('openapi: not 3.1.x');
  const info = doc.info as Json | undefined;
  if (typeof info?.title !== 'string' || typeof info?.version !== 'string') problems.push('info: title and version are required');
  for (const value of Object.values(info ?? {}))
    if (typeof value === 'string' && /REQUIRED|HERE/.test(value)) problems.push('info: a placeholder');
  const license = info?.license as Json | undefined;
  if (license && license.url !== undefined && license.identifier !== undefined) problems.push('info.license: url and identifier both');
  for (const server of (doc.servers as Json[]) ?? []) if (typeof server.url !== 'string') problems.push('servers: a url is required');
  for (const target of refs(doc)) {
    if (target.startsWith('#/') ? !resolve({ $ref: target }) : !/^https:\/\/\S+\.json$/.test(target)) problems.push(`$ref ${target}`);
  }
  const schemes = doc.components.securitySchemes ?? {};
  for (const requirement of (doc.security as Json[]) ?? [])
    for (const name of Object.keys(requirement)) if (!schemes[name]) problems.push(`security: no scheme ${name}`);
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`${path}: must start with /`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of Object.keys(item).filter((key) => METHODS.includes(key))) {
      const operation = item[method] as Json;
      const where = `${method.toUpperCase()} ${path}`;
      if (typeof operation.operationId === 'string') {
        if (operationIds.has(operation.operationId)) problems.push(`${where}: operationId ${operation.operationId} twice`);
        operationIds.add(operation.operationId);
      }
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      if (Object.keys(responses).length === 0) problems.push(`${where}: no responses`);
      for (const [status, raw] of Object.entries(responses)) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where}: response ${status}`);
        if (typeof resolve(raw)?.description !== 'string') problems.push(`${where} ${status}: description required`);
      }
      const parameters = parametersOf(path, method);
      for (const p of parameters) {
        if (typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(p.in as string))
          problems.push(`${where}: parameter ${String(p.name)} needs a name and a place`);
        if (!p.schema === !p.content) problems.push(`${where}: parameter ${String(p.name)} needs a schema or a content`);
        if (p.in === 'path' && (p.required !== true || !templated.includes(p.name as string)))
          problems.push(`${where}: path parameter ${String(p.name)} must be required and in the path`);
      }
      for (const name of templated)
        if (!parameters.some((p) => p.in === 'path' && p.name === name)) problems.push(`${where}: {${name}} is not declared`);
    }
  }
  return problems;
}

function refusalOf(read: () => unknown): { code: unknown; field: unknown } | null {
  try {
    read();
    return null;
  } catch (error) {
    const { code, details } = error as { code: unknown; details: { field?: unknown } };
    return { code, field: details.field };
  }
}

describe('the HSDS OpenAPI document', () => {
  const routes = hsdsRoutes();

  it('is a structurally valid OpenAPI 3.1 document', () => {
    expect(structuralProblems()).toEqual([]);
  });

  it('lists every route the API answers, and no other path', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.path).sort());
    for (const { path } of routes)
      expect({ path, methods: Object.keys(doc.paths[path]).filter((k) => METHODS.includes(k)) }).toEqual({ path, methods: ['get'] });
  });

  it('gives each route exactly the query parameters it accepts, and the id in the path of an object', () => {
    for (const { path, params } of routes) {
      const parameters = parametersOf(path, 'get');
      const query = parameters.filter((p) => p.in === 'query').map((p) => p.name);
      expect({ path, query: [...query].sort() }).toEqual({ path, query: [...params].sort() });
      const inPath = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect({ path, inPath }).toEqual({ path, inPath: path.endsWith('/{id}') ? ['id'] : [] });
    }
  });

  it('documents a parameter the routes take as accepted by params.ts, and one they do not as refused', () => {
    // The same check params.ts makes: a documented name passes it, an undocumented one is BAD_USER_INPUT naming it.
    for (const { path, params } of routes) {
      for (const name of params) {
        const url = new URL(`http://x/hsds${path}?${name}=`);
        expect(() => readParams(url, params)).not.toThrow(/is not a parameter/);
      }
      const refusal = refusalOf(() => readParams(new URL(`http://x/hsds${path}?undocumented=1`), params));
      expect({ path, refusal }).toEqual({ path, refusal: { code: 'BAD_USER_INPUT', field: 'undocumented' } });
    }
  });

  it('describes conditional requests, caching headers and the coded errors on every operation', () => {
    for (const { path } of routes) {
      const operation = doc.paths[path].get as Json & { responses: Record<string, Json> };
      const names = parametersOf(path, 'get')
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
      expect({ path, names }).toEqual({ path, names: ['If-None-Match', 'If-Modified-Since'] });
      expect({ path, statuses: Object.keys(operation.responses).sort() }).toEqual({
        path,
        statuses: expect.arrayContaining(['200', '304', '400', '401', '403', '503']),
      });
      expect(Object.keys(resolve(operation.responses['200'])!.headers as Json)).toEqual(['ETag', 'Last-Modified', 'Cache-Control']);
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
