/**
 * The app's bounded contexts: the one list to extend when a context is added (README, "Adding a context").
 * The runtime builds each context's services from it, in this order (a module may use the services of the
 * modules before it), and hands their reactors and deadline sources to the platform; the API registers
 * each context's routes, and the projection runner (on its thread too) runs each context's projections.
 */
import type { Projection } from '../projections/projection.js';
import { errorCatalogue, eventSchemasOf, projectionsOf, type ContextModule, type UnbuiltNeeds } from './platform/contextModule.js';

/** One line per context, in the order their services are built: a module uses only those above it. */
export const contexts = [
  (await import('./registry/module.js')).registryModule,
  (await import('./assembly/module.js')).assemblyModule,
  (await import('./residents/module.js')).residentsModule,
  (await import('./disputes/module.js')).disputesModule,
  (await import('./hiring/module.js')).hiringModule,
  (await import('./joint/module.js')).jointModule,
  (await import('./funds/module.js')).fundsModule,
  (await import('./supervision/module.js')).supervisionModule,
  (await import('./committee/module.js')).committeeModule,
  (await import('./board/module.js')).boardModule,
] as const satisfies readonly ContextModule[];

/** Each module needs only services of modules listed before it: else this names the module, and fails to compile. */
type InOrder<T extends never> = T;
export type _ContextsInOrder = InOrder<UnbuiltNeeds<typeof contexts>>;

/** Every context's projections, in list order. */
export const allProjections: readonly Projection[] = projectionsOf(contexts);

/** Every context's error codes; loading this module fails when two contexts give one code different kinds. */
export const errorCodes = errorCatalogue(contexts);

/** Every context's upcasters (event schema versions): the runtime's store and the projection thread's reader apply them. */
export const eventSchemas = eventSchemasOf(contexts);
