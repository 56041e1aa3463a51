/**
 * The app's bounded contexts: the one list to extend when a context is added (README, "Adding a context").
 * The runtime builds each context's service from it, the API registers each context's routes, and the
 * projection runner (on its thread too) runs each context's projections.
 */
import { assemblyModule } from './assembly/module.js';
import { errorCatalogue, projectionsOf } from './platform/contextModule.js';
import { registryModule } from './registry/module.js';

export const contexts = [
  registryModule,
  assemblyModule,
] as const;

/** Every context's projections. Changing the list or a version rebuilds the read database. */
export const allProjections = projectionsOf(contexts);

/** Every context's error codes; loading this module fails when two contexts give one code different kinds. */
export const errorCodes = errorCatalogue(contexts);
