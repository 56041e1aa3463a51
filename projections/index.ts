/** Every projection the runner feeds. Changing the list or a version rebuilds the read database. */
import { assemblyProjection } from './assembly/projection.js';
import type { Projection } from './projection.js';
// committee
import { committeeProjection } from './committee/projection.js';

export const allProjections: readonly Projection[] = [assemblyProjection, /* committee */ committeeProjection];
