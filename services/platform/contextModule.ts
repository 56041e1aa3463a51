/**
 * One module shape per bounded context. A context has `domain/<context>/` (pure deciders; `index.ts` is its
 * published surface, the only way other contexts reach it), `projections/<context>/` (its read models) and
 * `services/<context>/` (its service, and `module.ts` exporting its `ContextModule`). services/contexts.ts
 * lists the modules; the runtime builds their services, the API registers their routes, the projection runner
 * runs their projections.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { DomainErrorKind } from '../../domain/shared/errors.js';
import type { Projection } from '../../projections/projection.js';
import type { Clock } from '../clock.js';
import type { EventStore } from '../store/port.js';
import type { DeadlineSource } from './deadlines.js';
import type { Reactor } from './reactor.js';

/** What a context's service is built from: the shared parts of the runtime. */
export interface ContextDeps {
  readonly store: EventStore;
  readonly clock: Clock;
}

/**
 * A context's error catalogue: each stable code with its one kind (the HTTP layer maps kinds to statuses in
 * services/api/problem.ts). Model: domain/assembly/errors.ts.
 */
export type ErrorCatalogue = Readonly<Record<string, DomainErrorKind>>;

/** A Fastify plugin with some of the context's routes; it finds the context's service as `app.deps.<name>`. */
export type RoutePlugin = FastifyPluginAsync;

/**
 * A context's route plugin, loaded only when the API registers it: the projection thread loads every module
 * (services/contexts.ts) for its projections, and HTTP code (zod schemas, the type provider) would add about
 * 150 ms to its start. Use: `lazyRoutes(async () => (await import('../api/routes/motions.js')).motionRoutes)`.
 */
export function lazyRoutes(load: () => Promise<RoutePlugin>): RoutePlugin {
  return async (app) => {
    await app.register(await load());
  };
}

export interface ContextModule<Name extends string = string, Service = unknown> {
  /** The context's folder name under domain/, projections/ and services/; its service is `deps.<name>`. */
  readonly name: Name;
  readonly errorCodes: ErrorCatalogue;
  /** Its read models, fed by the projection runner. */
  readonly projections: readonly Projection[];
  readonly reactors: readonly Reactor[];
  readonly deadlineSources: readonly DeadlineSource[];
  readonly routes: readonly RoutePlugin[];
  /** Builds the context's application service, once per runtime. */
  readonly service: (deps: ContextDeps) => Service;
}

/** Declares a context module, keeping its name and service type for `ContextServices`. */
export function defineContext<const Name extends string, Service>(module: ContextModule<Name, Service>): ContextModule<Name, Service> {
  return module;
}

/** Each module's service under the module's name: `{ registry: RegistryService, assembly: AssemblyService }`. */
export type ContextServices<Modules extends readonly ContextModule[]> = {
  readonly [M in Modules[number] as M['name']]: ReturnType<M['service']>;
};

/** Refuses two modules with one name: their services, routes and folders would collide. */
export function assertDistinctNames(modules: readonly ContextModule[]): void {
  const seen = new Set<string>();
  for (const { name } of modules) {
    if (seen.has(name)) throw new Error(`two context modules are named ${name}`);
    seen.add(name);
  }
}

/** Builds every module's service from the shared deps. */
export function buildServices<const Modules extends readonly ContextModule[]>(modules: Modules, deps: ContextDeps): ContextServices<Modules> {
  assertDistinctNames(modules);
  return Object.fromEntries(modules.map((m) => [m.name, m.service(deps)])) as ContextServices<Modules>;
}

/**
 * The app's error codes: every context's catalogue merged. A code two contexts share must have one kind
 * (clients switch on the code alone), else this throws.
 */
export function errorCatalogue(modules: readonly ContextModule[]): ReadonlyMap<string, DomainErrorKind> {
  const merged = new Map<string, DomainErrorKind>();
  const owner = new Map<string, string>();
  for (const m of modules) {
    for (const [code, kind] of Object.entries(m.errorCodes)) {
      const known = merged.get(code);
      if (known !== undefined && known !== kind) {
        throw new Error(`error code ${code} is '${known}' in ${owner.get(code)} but '${kind}' in ${m.name}`);
      }
      merged.set(code, kind);
      owner.set(code, m.name);
    }
  }
  return merged;
}

/** Every module's projections, in module order. */
export const projectionsOf = (modules: readonly ContextModule[]): readonly Projection[] => modules.flatMap((m) => m.projections);
