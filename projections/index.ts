/** Every projection the runner feeds. Changing the list or a version rebuilds the read database. */
import { assemblyProjection } from './assembly/projection.js';
import type { Projection } from './projection.js';
import { residentsProjection } from './residents/projection.js';
import { disputesProjection } from './disputes/projection.js';
import { hiringProjection } from './hiring/projection.js'; // hiring
import { jointProjection } from './joint/projection.js';
import { committeeProjection } from './committee/projection.js'; // committee
import { fundsProjection } from './funds/projection.js'; // funds

export const allProjections: readonly Projection[] = [assemblyProjection, residentsProjection, disputesProjection, hiringProjection, jointProjection, committeeProjection, /* funds */ fundsProjection];
