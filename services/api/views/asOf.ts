/** schemasA: the `asOf` field of a JSON view read with `?asOf=`, for the response schemas that document it. */
import { z } from 'zod';

const instant = z.string().describe('ISO-8601 instant');

/** `?asOf=`: the point the view was computed at (added after serialisation, services/api/asOf/timeTravel.ts). */
export const asOfSchema = z
  .object({ requested: z.object({ position: z.string().optional(), instant: instant.optional() }), position: z.string(), recordedAt: instant.nullable() })
  .optional()
  .describe('with ?asOf=: the point the view was computed at');
