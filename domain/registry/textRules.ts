/**
 * Shape rules for the identifiers and free text the registry accepts. Identifiers (unit ids, building
 * names, person ids) end up in stream names, URLs and CSV files, so they are strict: the identifier
 * pattern of domain/shared/limits.ts (letters, digits, Han characters and `. _ : -`, at most 64
 * characters, no reserved names). Free text (names, addresses) is trimmed and must be non-blank, bounded
 * and free of control characters. The numbers and their reasons live in domain/shared/limits.ts.
 */
export {
  codePointLength,
  identifierProblem,
  MAX_ADDRESS_LENGTH,
  MAX_COMPOUND_NAME_LENGTH,
  MAX_IDENTIFIER_LENGTH,
  MAX_OWNER_NAME_LENGTH,
  MAX_REFERENCE_LENGTH,
  textProblem,
} from '../shared/limits.js';
