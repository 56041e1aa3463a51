/** Context modules (services/platform/contextModule.ts) and the app's list of them (services/contexts.ts). */
import Fastify from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { manualClock } from '../../services/clock.js';
import { allProjections, contexts, errorCodes } from '../../services/contexts.js';
import { buildServices, defineContext, errorCatalogue, lazyRoutes, projectionsOf, type ContextModule } from '../../services/platform/contextModule.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const bare = { errorCodes: {}, projections: [], reactors: [], deadlineSources: [], routes: [] };
const moduleNamed = <N extends string>(name: N, errorCodes: ContextModule['errorCodes'] = {}) =>
  defineContext({ ...bare, name, errorCodes, service: ({ clock }) => ({ name, clock }) });

t.test('services are built once per module, under the module name, from the shared deps', async (t) => {
  const deps = { store: memoryStore(), clock: manualClock(new Date('2026-01-01T00:00:00Z')) };
  const services = buildServices([moduleNamed('alpha'), moduleNamed('beta')] as const, deps);
  t.same(Object.keys(services), ['alpha', 'beta']);
  t.equal(services.alpha.name, 'alpha');
  t.equal(services.beta.clock, deps.clock, 'the factory got the shared deps');
  t.throws(() => buildServices([moduleNamed('alpha'), moduleNamed('alpha')], deps), /two context modules are named alpha/);
});

t.test('error catalogues merge; one code with two kinds is refused', async (t) => {
  const merged = errorCatalogue([moduleNamed('alpha', { a_missing: 'not_found', shared: 'conflict' }), moduleNamed('beta', { shared: 'conflict' })]);
  t.same([...merged], [['a_missing', 'not_found'], ['shared', 'conflict']]);
  t.throws(
    () => errorCatalogue([moduleNamed('alpha', { shared: 'conflict' }), moduleNamed('beta', { shared: 'invalid' })]),
    /error code shared is 'conflict' in alpha but 'invalid' in beta/,
  );
});

t.test('lazy routes are loaded when the app registers them', async (t) => {
  let loaded = 0;
  const plugin = lazyRoutes(async () => {
    loaded++;
    return async (app) => {
      app.get('/ping', async () => ({ pong: true }));
    };
  });
  t.equal(loaded, 0, 'nothing loaded by declaring them');
  const app = Fastify();
  t.teardown(() => app.close());
  await app.register(plugin);
  t.equal(loaded, 1);
  t.same((await app.inject({ url: '/ping' })).json(), { pong: true });
});

t.test('every listed context has the module shape on disk', async (t) => {
  t.same(contexts.map((c) => c.name), ['registry', 'assembly']);
  for (const { name } of contexts) {
    for (const file of [`domain/${name}/index.ts`, `projections/${name}/index.ts`, `services/${name}/module.ts`]) {
      t.ok(existsSync(join(repo, file)), file);
    }
  }
});

t.test("the runtime builds every context's service, routes and projections from the list", async (t) => {
  const api = await startTestApi({ store: memoryStore() });
  t.teardown(() => api.close());
  const { deps, app } = api.runtime;
  for (const { name } of contexts) t.ok(deps[name], `deps.${name}`);
  t.ok(app.hasRoute({ method: 'POST', url: '/v1/compounds' }), 'registry routes');
  t.ok(app.hasRoute({ method: 'POST', url: '/v1/motions/:motionId/ballots' }), 'assembly routes');
  t.ok(app.hasRoute({ method: 'GET', url: '/health' }), 'platform routes');
  t.same(allProjections, projectionsOf(contexts));
  t.same(allProjections.map((p) => p.name), ['assembly']);
  t.equal(errorCodes.get('ballot_already_cast'), 'conflict', 'assembly catalogue');
  t.equal(errorCodes.get('compound_not_found'), 'not_found', 'registry catalogue');
});
