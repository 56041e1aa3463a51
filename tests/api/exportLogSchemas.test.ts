/**
 * schemasA: the export's response schema (services/export/viewSchemas.ts) takes the real file whole — parsing
 * it drops nothing and changes nothing — and the route answers exactly the file `deps.export` builds; /docs
 * documents its manifest and events. The log head's 501 is documented and answered as a problem.
 */
import t from 'tap';
import { exportSchema } from '../../services/export/viewSchemas.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';
import { seedExport } from '../support/exportSeed.js';

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[]; type?: string | string[] };

t.test('the export answers the whole file, which its schema takes as it is; /docs documents it', async (t) => {
  const { api, compoundId, convenor } = await seedExport(t);
  const res = await api.call('GET', `/v1/compounds/${compoundId}/export`, { token: convenor });
  t.equal(res.statusCode, 200, res.body.slice(0, 300));
  const body = res.json() as unknown;
  const file = await api.runtime.deps.export.compound(compoundId, api.runtime.deps.clock.now());
  t.strictSame(body, JSON.parse(JSON.stringify(file)), 'the file deps.export builds, whole');
  const parsed = exportSchema.safeParse(body);
  t.ok(parsed.success, parsed.success ? 'the schema takes it' : JSON.stringify(parsed.error.issues.slice(0, 3)));
  t.strictSame(parsed.data, body, 'parsing drops nothing and changes nothing');
  t.ok((body as { events: unknown[] }).events.length > 10, 'a file with events');

  const spec = (await api.call('GET', '/docs/json')).json() as { paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: Schema }> }> } }> };
  const ok = spec.paths['/v1/compounds/{compoundId}/export']!.get.responses['200']!.content!['application/json']!.schema;
  t.same(Object.keys(ok.properties!).sort(), ['events', 'manifest', 'signature'], 'the file: manifest, signature, events');
  t.ok(ok.properties!.manifest!.properties!.streams && ok.properties!.manifest!.properties!.sequence, 'the manifest: streams and the sequence digest');
  t.ok(ok.properties!.events!.items!.properties!.hash && ok.properties!.events!.items!.properties!.data, 'each event: its data and hash');
  const head = spec.paths['/v1/log/head']!.get.responses;
  t.ok(head['501']!.content!['application/json']!.schema.properties!.code, 'the head’s 501: a problem with its code');
});

t.test('a store that keeps no tree answers the 501 through the problem schema, detail and all', async (t) => {
  const { treeHead: _, ...withoutTree } = memoryStore();
  const api = await startTestApi(t, { store: withoutTree });
  const res = await api.call('GET', '/v1/log/head');
  t.equal(res.statusCode, 501);
  t.match(res.headers['content-type'], /^application\/problem\+json/);
  t.match(res.json(), { type: String, title: String, status: 501, code: 'log_tree_unavailable', detail: /keeps no log tree/ });
});
