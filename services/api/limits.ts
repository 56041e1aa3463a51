/**
 * Limits of the HTTP layer, each with its reason. The limits on what reaches the log (string lengths,
 * identifiers, list sizes, instants) are domain/shared/limits.ts; these bound the request itself.
 */
import { MAX_IDENTIFIER_LENGTH } from '../../domain/shared/limits.js';

/**
 * Largest request body, in bytes: 16 MiB. The largest legitimate body is a unit import of
 * MAX_UNITS_PER_COMMAND (50,000) units; a unit with two owners with Chinese names and long ids is about
 * 300 bytes of JSON, so a full import of such units (≈ 15 MB) fits. Imports of bigger units are split (the CLI
 * sends 5,000 units a batch); every other body is a few KB. Larger bodies are `413 payload_too_large`.
 */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;
/** The size of a unit's JSON the body limit was sized from (a test keeps the two in step). */
export const TYPICAL_UNIT_JSON_BYTES = 300;

/**
 * Deepest JSON nesting of a body (objects and arrays): 32. The deepest legitimate body is 4 levels (an
 * import: body → units → unit → owners → owner). Checked on the raw text before JSON.parse, so nothing
 * (the parser, zod, the request hash's canonical JSON) recurses over a hostile body: `400 json_too_deep`.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Longest path parameter, in characters as they arrive (percent-encoded): an identifier of
 * MAX_IDENTIFIER_LENGTH (64) Han characters is 64 × 9 characters encoded (`%E5%8F%B7`). Longer: `414 uri_too_long`.
 */
export const MAX_PARAM_LENGTH = MAX_IDENTIFIER_LENGTH * 9;

/**
 * Longest request URL (path and query), in characters: 8 KiB, as common proxies allow (nginx's default
 * header buffer). The longest legitimate URL is an electorate scope `?buildings=` of a few hundred short
 * building names. Longer: `414 uri_too_long`. (Node refuses request heads over 16 KB itself: `431`.)
 */
export const MAX_URL_LENGTH = 8 * 1024;
