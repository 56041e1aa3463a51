/**
 * The app's bounded contexts: the one list to extend when a context is added (README, "Adding a context").
 * The runtime builds each context's services from it, in this order (a module may use the services of the
 * modules before it), and hands their reactors and deadline sources to the platform; the API registers
 * each context's routes, and the projection runner (on its thread too) runs each context's projections.
 */
import type { Projection } from '../projections/projection.js';
import { assemblyModule } from './assembly/module.js';
import { errorCatalogue, projectionsOf, type UnbuiltNeeds } from './platform/contextModule.js';
import { registryModule } from './registry/module.js';
// wired by hand until they have a module here (services/runtime.ts, services/api/deps.ts, services/api/routes/index.ts):
import { residentsProjection } from '../projections/residents/projection.js';
import { disputesProjection } from '../projections/disputes/projection.js';
import { hiringProjection } from '../projections/hiring/projection.js'; // hiring
import { jointProjection } from '../projections/joint/projection.js';
import { committeeProjection } from '../projections/committee/projection.js'; // committee

export const contexts = [
  registryModule,
  assemblyModule,
] as const;

/** Each module needs only services of modules listed before it: else this names the module, and fails to compile. */
type InOrder<T extends never> = T;
export type _ContextsInOrder = InOrder<UnbuiltNeeds<typeof contexts>>;

/** The projections of the contexts wired by hand (services/runtime.ts), until they have a module. */
const handWiredProjections: readonly Projection[] = [residentsProjection, disputesProjection, hiringProjection, jointProjection, committeeProjection];

/** Every context's projections. Changing the list or a version rebuilds the read database. */
export const allProjections: readonly Projection[] = [...projectionsOf(contexts), ...handWiredProjections];

/** Every context's error codes; loading this module fails when two contexts give one code different kinds. */
export const errorCodes = errorCatalogue(contexts);
