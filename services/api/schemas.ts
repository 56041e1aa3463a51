/**
 * Schemas shared by routes. The limits they apply are domain/shared/limits.ts (the deciders check the same
 * rules); a field that breaks one is `400 validation_failed` naming the field, or the issue's own code where
 * it has one (`instant_out_of_range`).
 */
import { z } from 'zod';
import {
  EARLIEST_INSTANT,
  identifierProblem,
  IDENTIFIER_PATTERN,
  instantInRange,
  LATEST_INSTANT,
  MAX_IDENTIFIER_LENGTH,
  textProblem,
} from '../../domain/shared/limits.js';

export const problemSchema = z
  .object({ type: z.string(), title: z.string(), status: z.number(), code: z.string(), detail: z.string().optional() })
  .passthrough();

/** Optional `?after=<position>`: wait until the read model has applied that global position. */
export const afterQuery = z.object({ after: z.string().regex(/^\d{1,20}$/).optional() });

/** A unit id, building name or person id (domain/shared/limits.ts IDENTIFIER_PATTERN, no reserved names). */
export const identifier = z
  .string()
  .max(MAX_IDENTIFIER_LENGTH)
  .regex(IDENTIFIER_PATTERN, 'letters, digits, Han characters and . _ : - only, starting with a letter, digit or Han character')
  .refine((v) => identifierProblem(v) === null, { message: 'not an acceptable identifier (reserved name or "..")' })
  .describe(`identifier: at most ${MAX_IDENTIFIER_LENGTH} letters, digits, Han characters and . _ : -`);

/**
 * Free text of at most `max` characters (code points), trimmed non-blank, without control characters
 * (`multiline`: tabs and line breaks allowed) or lone surrogates.
 */
export function text(max: number, options: { multiline?: boolean; allowEmpty?: boolean } = {}) {
  const { multiline = false, allowEmpty = false } = options;
  return z
    .string()
    .max(2 * max) // UTF-16 units: a cheap bound before the exact count below
    .refine((v) => (allowEmpty && v.trim() === '') || textProblem(v, max, multiline) === null, {
      message: `${allowEmpty ? 'at most' : '1 to'} ${max} characters${multiline ? '' : ' on one line'}, without control characters`,
    })
    .describe(`at most ${max} characters`);
}

/**
 * A string the decider checks exactly (an import's unit fields, reported per unit): only bounded here, at
 * twice `max` UTF-16 units (no character takes more than two).
 */
export const bounded = (max: number) => z.string().max(2 * max);

/** An ISO-8601 instant with offset, within [2000-01-01, 2100-01-01) UTC (domain/shared/limits.ts). */
export const instant = z.iso.datetime({ offset: true }).refine((v) => instantInRange(new Date(v)), {
  message: `must lie from ${EARLIEST_INSTANT.toISOString()} to before ${LATEST_INSTANT.toISOString()}`,
  params: { code: 'instant_out_of_range' },
});

/** The code a validation issue carries of its own (`params.code` of a refinement), if any. */
export function issueCode(params: unknown): string | undefined {
  const code = (params as { params?: { code?: unknown } } | undefined)?.params?.code;
  return typeof code === 'string' ? code : undefined;
}
