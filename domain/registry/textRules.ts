/**
 * Shape rules for the identifiers and free text the registry accepts. Identifiers (unit ids, building
 * names, person ids) end up in stream names, URLs and CSV files, so they are strict: non-empty, at most
 * 64 characters, no whitespace and no control characters. Free text (names, addresses) is trimmed and
 * must be non-blank, bounded and free of control characters.
 */

export const MAX_IDENTIFIER_LENGTH = 64;
export const MAX_OWNER_NAME_LENGTH = 100;
export const MAX_COMPOUND_NAME_LENGTH = 200;
export const MAX_ADDRESS_LENGTH = 500;
export const MAX_REFERENCE_LENGTH = 200;

// \p{White_Space} covers ASCII and full-width (U+3000) spaces; \p{Cc} the C0/C1 controls.
const FORBIDDEN_IN_IDENTIFIER = /[\p{White_Space}\p{Cc}\p{Cf}]/u;
const CONTROL = /\p{Cc}/u;

/** Length in code points, so that a Chinese name is measured by its characters. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Why an identifier is unacceptable, or null when it is fine. */
export function identifierProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  if (codePointLength(value) > MAX_IDENTIFIER_LENGTH) return `must be at most ${MAX_IDENTIFIER_LENGTH} characters`;
  if (FORBIDDEN_IN_IDENTIFIER.test(value)) return 'must not contain whitespace or control characters';
  return null;
}

/** Why a piece of free text is unacceptable, or null; the text is judged after trimming. */
export function textProblem(value: unknown, maxLength: number): 'required' | 'too_long' | 'invalid' | null {
  if (typeof value !== 'string' || value.trim().length === 0) return 'required';
  const trimmed = value.trim();
  if (codePointLength(trimmed) > maxLength) return 'too_long';
  if (CONTROL.test(trimmed)) return 'invalid';
  return null;
}
