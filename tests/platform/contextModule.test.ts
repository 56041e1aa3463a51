/** Context modules (services/platform/contextModule.ts) and the app's list of them (services/contexts.ts). */
import Fastify from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { manualClock } from '../../services/clock.js';
import { allProjections, contexts, errorCodes } from '../../services/contexts.js';
import {
  buildServices,
  deadlineSourcesOf,
  defineContext,
  errorCatalogue,
  lazyRoutes,
  projectionsOf,
  reactorsOf,
  type ContextModule,
  type ServiceDeps,
  type UnbuiltNeeds,
} from '../../services/platform/contextModule.js';
import type { Reactor } from '../../services/platform/reactor.js';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const bare = { errorCodes: {}, projections: [], routes: [] };
const moduleNamed = <N extends string>(name: N, errorCodes: ContextModule['errorCodes'] = {}) =>
  defineContext({ ...bare, name, errorCodes, services: ({ clock }: ServiceDeps) => ({ [name]: { name, clock } }) });

/** The platform's parts, as far as these modules use them (the clock). */
const serviceDeps = () => ({ store: memoryStore(), clock: manualClock(new Date('2026-01-01T00:00:00Z')) }) as unknown as ServiceDeps;

const reactor = (name: string): Reactor => ({ name, handles: [], react: () => [] });

t.test('services are built once, in list order, under their keys; a module is given the services before it', async (t) => {
  const deps = serviceDeps();
  const alpha = defineContext({ ...bare, name: 'alpha', services: ({ clock }: ServiceDeps) => ({ alpha: { clock }, alphaExtra: 1 }) });
  let built = 0;
  const beta = defineContext({
    ...bare,
    name: 'beta',
    services: ({ alpha }: ServiceDeps & { readonly alpha: { clock: unknown }; readonly alphaExtra: number }) => {
      built++;
      return { beta: { sawAlpha: alpha } };
    },
    reactors: ({ beta }) => [reactor(`beta-sees-${beta.sawAlpha === undefined ? 'nothing' : 'alpha'}`)],
    deadlineSources: ({ alphaExtra }) => [{ name: `extra-${alphaExtra}`, handles: [], changes: () => [] }],
  });
  const modules = [alpha, beta] as const;
  const services = buildServices(modules, deps);
  t.same(Object.keys(services), ['alpha', 'alphaExtra', 'beta']);
  t.equal(services.alpha.clock, deps.clock, 'the factory got the shared deps');
  t.equal(services.beta.sawAlpha, services.alpha, 'beta was given alpha, built before it');
  t.equal(built, 1);
  const all = { ...deps, ...services };
  t.same(reactorsOf(modules, all).map((r) => r.name), ['beta-sees-alpha'], 'reactors from the built services; none declared is none');
  t.same(deadlineSourcesOf(modules, all).map((s) => s.name), ['extra-1']);

  // The order is checked when compiling: UnbuiltNeeds names the first module whose needs come later.
  const misordered: UnbuiltNeeds<readonly [typeof beta, typeof alpha]> = 'beta';
  const ordered: [UnbuiltNeeds<typeof modules>] extends [never] ? true : false = true;
  const listed: [UnbuiltNeeds<typeof contexts>] extends [never] ? true : false = true;
  t.ok(misordered && ordered && listed);

  t.throws(() => buildServices([moduleNamed('alpha'), moduleNamed('alpha')], deps), /two context modules are named alpha/);
  const twice = defineContext({ ...bare, name: 'gamma', services: () => ({ alpha: 2 }) });
  t.throws(() => buildServices([alpha, twice], deps), /context gamma builds a service named alpha, which is taken/);
  const platformName = defineContext({ ...bare, name: 'delta', services: () => ({ clock: 3 }) });
  t.throws(() => buildServices([platformName], deps), /context delta builds a service named clock, which is taken/);
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
  t.same(contexts.map((c) => c.name), ['registry', 'assembly', 'residents', 'disputes', 'hiring', 'joint', 'funds', 'supervision', 'committee', 'board']);
  for (const { name } of contexts) {
    for (const file of [`domain/${name}/index.ts`, `projections/${name}/index.ts`, `services/${name}/module.ts`]) {
      t.ok(existsSync(join(repo, file)), file);
    }
  }
});

t.test("the runtime builds every context's services, routes, reactors, deadline sources and projections from the list", async (t) => {
  const api = await startTestApi(t, { store: memoryStore() });
  const { deps, app } = api.runtime;
  for (const { name } of contexts) t.ok(deps[name], `deps.${name}`);
  t.ok(deps.decisions, 'deps.decisions, the assembly module\'s second service');
  t.ok(app.hasRoute({ method: 'POST', url: '/v1/compounds' }), 'registry routes');
  t.ok(app.hasRoute({ method: 'POST', url: '/v1/compounds/:compoundId/units/:unitId/corrections' }), 'registry corrections');
  t.ok(app.hasRoute({ method: 'POST', url: '/v1/motions/:motionId/ballots' }), 'assembly routes');
  t.ok(app.hasRoute({ method: 'GET', url: '/v1/decisions/:decisionId' }), 'assembly decisions');
  t.ok(app.hasRoute({ method: 'GET', url: '/health' }), 'platform routes');
  t.ok(
    deps.platform.reactors.status().some((r) => r.name === 'assembly.notify-residents-committee'),
    "the assembly's reactor runs on the platform",
  );
  t.same(allProjections, projectionsOf(contexts), 'the projections are the listed contexts\', none wired by hand');
  t.same(allProjections.map((p) => p.name), ['assembly', 'residents', 'disputes', 'hiring', 'joint', 'funds', 'committee']);
  for (const [name, route] of [
    ['residents', 'GET /v1/compounds/:compoundId/residents/meetings'],
    ['hiring', 'GET /v1/contracts/:contractId'],
    ['committee', 'POST /v1/compounds/:compoundId/committee/elections'],
    ['board', 'GET /board/:compoundId'],
  ] as const) {
    const [method, url] = route.split(' ') as ['GET' | 'POST', string];
    t.ok(app.hasRoute({ method, url }), `${name} routes`);
  }
  const reactorNames = deps.platform.reactors.status().map((r) => r.name);
  t.ok(reactorNames.some((n) => n.startsWith('hiring.')) && reactorNames.some((n) => n.startsWith('committee.')), 'hiring\'s and the committee\'s reactors run on the platform');
  const sources = deps.platform.deadlineSources.map((s) => s.name);
  for (const name of ['assembly', 'residents', 'disputes', 'joint', 'funds', 'hiring', 'committee']) t.ok(sources.some((s) => s.startsWith(name)), `${name}'s deadline source`);
  t.equal(errorCodes.get('meeting_not_found'), 'not_found', 'residents catalogue');
  t.equal(errorCodes.get('ballot_already_cast'), 'conflict', 'assembly catalogue');
  t.equal(errorCodes.get('compound_not_found'), 'not_found', 'registry catalogue');
});
