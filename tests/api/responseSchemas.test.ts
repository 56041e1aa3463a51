/**
 * Every read under /v1 documents its answer (issue #10 item 7): each registered GET route has a 200 response
 * schema, and no part of it is `z.any()` / `z.unknown()` (in the OpenAPI document an empty schema `{}`,
 * perhaps with a description). Why it matters beyond /docs: the zod serializer strips what a schema leaves out,
 * so a real schema is also the contract the answer is checked against. The routes are read from the app itself
 * (Fastify's route tree: every GET registered under /v1 must be in the document), their schemas from `/docs/json`.
 */
import t from 'tap';
import { startTestApi } from '../support/api.js';

type Schema = { [key: string]: unknown };
const ANNOTATIONS = new Set(['description', 'title', 'readOnly', 'default', 'examples', 'example', 'deprecated']);

/** Where inside `schema` a part accepts anything (an empty schema once annotations are set aside). */
export function anyParts(schema: unknown, at = '$'): string[] {
  if (schema === true) return [at];
  if (schema === null || typeof schema !== 'object') return [];
  const s = schema as Schema;
  if (Object.keys(s).every((k) => ANNOTATIONS.has(k))) return [at];
  const found: string[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') {
      for (const [name, sub] of Object.entries(value as Schema)) found.push(...anyParts(sub, `${at}.${name}`));
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      if (typeof value === 'object') found.push(...anyParts(value, `${at}${key === 'items' ? '[]' : `.<${key}>`}`));
    } else if (key === 'anyOf' || key === 'oneOf' || key === 'allOf' || key === 'prefixItems') {
      (value as unknown[]).forEach((sub, i) => found.push(...anyParts(sub, `${at}.<${key}[${i}]>`)));
    }
  }
  return found;
}

t.test('anyParts finds z.any() at the top, as array items and deep inside', async (t) => {
  t.same(anyParts({}), ['$']);
  t.same(anyParts({ description: 'x' }), ['$']);
  t.same(anyParts({ type: 'array', items: {} }), ['$[]']);
  t.same(anyParts({ type: 'object', properties: { a: { type: 'array', items: {} }, b: { type: 'string' } } }), ['$.a[]']);
  t.same(anyParts({ anyOf: [{ type: 'null' }, { description: 'any' }] }), ['$.<anyOf[1]>']);
  t.same(anyParts({ type: 'object', additionalProperties: false, properties: { a: { type: 'integer' } } }), []);
});

t.test('registeredGets reads the route tree', async (t) => {
  const tree = ['├── /health (GET, HEAD)', '└── /v1/compounds/:compoundId (GET)', '    ├── /decisions (GET)', '    └── /funds', '        └── /units/:unitId (GET)'].join('\n');
  t.same(registeredGets(tree), ['/health', '/v1/compounds/{compoundId}', '/v1/compounds/{compoundId}/decisions', '/v1/compounds/{compoundId}/funds/units/{unitId}']);
});

/** The GET routes the app registered, from Fastify's route tree (`printRoutes`), as OpenAPI paths (`{param}`). */
export function registeredGets(tree: string): string[] {
  const stack: string[] = [];
  const found: string[] = [];
  for (const line of tree.split('\n')) {
    const branch = line.search(/[├└]── /);
    if (branch < 0) continue;
    const depth = branch / 4;
    const rest = line.slice(branch + 4);
    const methods = rest.lastIndexOf(' (');
    const segment = methods < 0 ? rest : rest.slice(0, methods);
    stack[depth] = (depth > 0 ? stack[depth - 1]! : '') + segment;
    stack.length = depth + 1;
    if (methods >= 0 && /\bGET\b/.test(rest.slice(methods))) found.push(stack[depth]!.replace(/:(\w+)/g, '{$1}'));
  }
  return found;
}

t.test('every GET under /v1 has a real 200 response schema', async (t) => {
  const api = await startTestApi(t, {});
  const spec = (await api.call('GET', '/docs/json')).json() as { paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
  const routes = Object.entries(spec.paths).filter(([path, ops]) => ops.get && path.startsWith('/v1/')).map(([path]) => path);
  t.ok(routes.length > 30, `the OpenAPI document lists the reads (${routes.length})`);
  // Every GET the app registered under /v1 is in the document (a route left out of /docs would escape the check).
  const registered = registeredGets(api.runtime.app.printRoutes({ commonPrefix: false, method: 'GET' })).filter((p) => p.startsWith('/v1/'));
  t.ok(registered.length >= routes.length, `the route tree lists them too (${registered.length})`);
  t.same(registered.filter((p) => !routes.includes(p)), [], 'no /v1 GET missing from the OpenAPI document');

  const pending = new Set<string>();
  /**
   * The one part allowed to be any JSON: an exported event's own fields (its type's shape, defined by the context's
   * events; the verifier reads them). Its envelope, chain and metadata are typed.
   */
  const allowed = new Set(['/v1/compounds/{compoundId}/export $.events[].data']);
  const problems: string[] = [];
  for (const path of routes) {
    const schema = spec.paths[path]!.get!.responses?.['200']?.content?.['application/json']?.schema;
    const issue = schema === undefined ? 'no 200 schema' : anyParts(schema).filter((p) => !allowed.has(`${path} ${p}`)).map((p) => `any at ${p}`).join(', ');
    if (pending.has(path)) {
      if (!issue) problems.push(`${path}: has a real schema now, take it off the pending list`);
      continue;
    }
    if (issue) problems.push(`${path}: ${issue}`);
  }
  t.same(problems, [], 'no read without a schema, none answering z.any()');
});
