/**
 * One module shape per bounded context. A context has `domain/<context>/` (pure deciders; `index.ts` is its
 * published surface, the only way other contexts reach it), `projections/<context>/` (its read models) and
 * `services/<context>/` (its services, and `module.ts` exporting its `ContextModule`). services/contexts.ts
 * lists the modules; the runtime builds their services in list order and hands their reactors and deadline
 * sources to the platform, the API registers their routes, the projection runner runs their projections.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { DomainErrorKind } from '../../domain/shared/errors.js';
import { eventSchemas, type EventSchemas, type Upcaster } from '../../domain/shared/eventSchemas.js';
import type { Projection } from '../../projections/projection.js';
import type { DeadlineSource } from './deadlines.js';
import type { ServiceDeps } from './platformDeps.js';
import type { Reactor } from './reactor.js';

export type { ServiceDeps } from './platformDeps.js';

/**
 * A context's error catalogue: each stable code with its one kind (the HTTP layer maps kinds to statuses in
 * services/api/problem.ts). Model: domain/assembly/errors.ts.
 */
export type ErrorCatalogue = Readonly<Record<string, DomainErrorKind>>;

/** A Fastify plugin with some of the context's routes; it finds the services as `app.deps.<service>`. */
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

/**
 * A context as the platform sees it. `Services` is what `services` builds (each key becomes `app.deps.<key>`,
 * the context's main service under its own name); `Deps` is what building them takes: `ServiceDeps`, plus
 * the services of modules listed before it that it uses (say `{ registry: RegistryReader }`), checked by
 * `UnbuiltNeeds` in services/contexts.ts.
 */
export interface ContextModule<Name extends string = string, Services extends object = object, Deps extends object = ServiceDeps> {
  /** The context's folder name under domain/, projections/ and services/. */
  readonly name: Name;
  readonly errorCodes: ErrorCatalogue;
  /**
   * Its events' upcasters (domain/shared/eventSchemas.ts), one per step of a type's shape: the runtime's store
   * writes each type at its current version and upcasts every event it reads to it.
   */
  readonly upcasters?: readonly Upcaster[];
  /** Its read models, fed by the projection runner. */
  readonly projections: readonly Projection[];
  /** Its HTTP routes (use `lazyRoutes`). */
  readonly routes: readonly RoutePlugin[];
  /** Builds the context's services, once per runtime. */
  services(deps: Deps): Services;
  /** Its reactors (services/platform/reactor.ts), given the built services. */
  reactors?(deps: Deps & Services): readonly Reactor[];
  /** Its deadline sources (services/platform/deadlines.ts), given the built services. */
  deadlineSources?(deps: Deps & Services): readonly DeadlineSource[];
  /**
   * Its services as the routes see them, where they differ: those that answer a `?asOf=` request from the
   * past (services/api/asOf/timeTravel.ts). The other modules' services keep the live ones.
   */
  timeTravel?(deps: Deps & Services): Partial<Services>;
}

/** Declares a context module, keeping its name, services and needs in its type (for `ContextServices`). */
export function defineContext<const Name extends string, Services extends object, Deps extends object>(
  module: ContextModule<Name, Services, Deps>,
): ContextModule<Name, Services, Deps> {
  return module;
}

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every module's services merged: `{ registry: RegistryService, assembly: AssemblyService, decisions: … }`. */
export type ContextServices<Modules extends readonly ContextModule[]> = UnionToIntersection<ReturnType<Modules[number]['services']>>;

/**
 * The name of the first module that needs a service no module before it builds; `never` when the order is
 * right. services/contexts.ts requires `never`, so a misordered list does not compile.
 */
export type UnbuiltNeeds<Modules extends readonly unknown[], Built = ServiceDeps> = Modules extends readonly [infer M, ...infer Rest]
  ? M extends ContextModule<infer Name, infer Services, infer Deps>
    ? Built extends Deps
      ? UnbuiltNeeds<Rest, Built & Services>
      : Name
    : never
  : never;

/** Refuses two modules with one name: their services, routes and folders would collide. */
export function assertDistinctNames(modules: readonly ContextModule[]): void {
  const seen = new Set<string>();
  for (const { name } of modules) {
    if (seen.has(name)) throw new Error(`two context modules are named ${name}`);
    seen.add(name);
  }
}

/**
 * Builds every module's services, in list order: a module is given `deps` with the services of the modules
 * before it. Two modules giving one service name (or a platform part's name) are refused.
 */
export function buildServices<const Modules extends readonly ContextModule[]>(modules: Modules, deps: ServiceDeps): ContextServices<Modules> {
  assertDistinctNames(modules);
  const built: Record<string, unknown> = { ...deps };
  const services: Record<string, unknown> = {};
  for (const m of modules) {
    for (const [key, service] of Object.entries(m.services(built as ServiceDeps))) {
      if (key in built) throw new Error(`context ${m.name} builds a service named ${key}, which is taken`);
      built[key] = service;
      services[key] = service;
    }
  }
  return services as ContextServices<Modules>;
}

/** The services as the routes see them: each module's `timeTravel` replacing its own, given the built services. */
export function routeServices<S extends object>(modules: readonly ContextModule[], deps: ServiceDeps & S): S {
  const overrides = modules.map((m) => m.timeTravel?.(deps) ?? {});
  return Object.assign({}, deps, ...overrides) as S;
}

/** Every module's reactors, in module order, given the built services. */
export const reactorsOf = (modules: readonly ContextModule[], deps: ServiceDeps): readonly Reactor[] => modules.flatMap((m) => m.reactors?.(deps) ?? []);

/** Every module's deadline sources, in module order, given the built services. */
export const deadlineSourcesOf = (modules: readonly ContextModule[], deps: ServiceDeps): readonly DeadlineSource[] =>
  modules.flatMap((m) => m.deadlineSources?.(deps) ?? []);

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

/** Every module's upcasters in one registry; a type whose steps two modules declare, or with a gap, throws. */
export const eventSchemasOf = (modules: readonly ContextModule[]): EventSchemas => eventSchemas(modules.flatMap((m) => m.upcasters ?? []));

/** Every module's projections, in module order. */
export const projectionsOf = (modules: readonly ContextModule[]): readonly Projection[] => modules.flatMap((m) => m.projections);
