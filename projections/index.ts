/** Every projection the runner feeds. Changing the list or a version rebuilds the read database. */
import type { Projection } from './projection.js';

export const allProjections: readonly Projection[] = [];
