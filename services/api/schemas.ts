/** Schemas shared by routes. */
import { z } from 'zod';

export const problemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() })
  .passthrough();

/** Optional `?after=<position>`: wait until the read model has applied that global position. */
export const afterQuery = z.object({ after: z.string().regex(/^\d{1,20}$/).optional() });
