/**
 * Limits on everything that reaches the log, in one place. Events are immutable and hash-chained: whatever
 * is accepted once is stored, replicated, hashed on every verification and replayed on every rebuild for
 * ever, so every string, list and instant a command carries is bounded here. The HTTP schemas
 * (services/api/schemas.ts) and the deciders both read these numbers; a limit that is a domain rule (e.g.
 * a motion's buildings must exist) is checked in its decider, the HTTP layer only bounds the shape early.
 *
 * Lengths are in characters (Unicode code points), so a Chinese text is measured by its characters.
 */

// --- identifiers ----------------------------------------------------------------------------------------

/** Unit ids, building names, person ids: they end up in stream names, URLs, CSV files and JSON keys. */
export const MAX_IDENTIFIER_LENGTH = 64;

/**
 * The shape of an identifier: an ASCII letter or digit or a Han character first, then up to 63 of those or
 * `.`, `_`, `:`, `-`. Han characters are allowed because buildings and units are often named in Chinese
 * (`1号楼`, `甲栋`, `1幢1单元101`); ASCII covers `1-1-102`, `A-2`, `p-admin`. Nothing else: no whitespace, no
 * control or format characters, no `/` or `\` (path traversal), no `#`, `?`, `%` (URLs), no lone
 * surrogates (the `u` flag matches code points only).
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9\p{Script=Han}][A-Za-z0-9\p{Script=Han}._:-]{0,63}$/u;

/**
 * Identifiers that match the pattern but name the built-in members of every JavaScript object; an id is
 * used as a key of maps and JSON objects, so these are refused outright (with `__proto__`, which the
 * pattern already refuses by its leading `_`).
 */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/** Why `value` is not an identifier, or null when it is one. */
export function identifierProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  if (codePointLength(value) > MAX_IDENTIFIER_LENGTH) return `must be at most ${MAX_IDENTIFIER_LENGTH} characters`;
  if (!IDENTIFIER_PATTERN.test(value)) {
    return 'must start with a letter, digit or Han character and contain only those and . _ : -';
  }
  if (value.includes('..')) return 'must not contain ".."';
  if (RESERVED_IDENTIFIERS.has(value)) return 'is a reserved name';
  return null;
}

export const isIdentifier = (value: unknown): value is string => identifierProblem(value) === null;

// --- free text ------------------------------------------------------------------------------------------

/** A motion's title (议题名称): one line on the notice board. */
export const MAX_TITLE_LENGTH = 200;
/** A motion's description (议题内容): the text owners read before voting; long texts go in an attachment. */
export const MAX_DESCRIPTION_LENGTH = 10_000;
/** A stated reason (why a motion is cancelled): a paragraph. */
export const MAX_REASON_LENGTH = 2_000;
/** A compound's name (小区名称). */
export const MAX_COMPOUND_NAME_LENGTH = 200;
/** A compound's address. */
export const MAX_ADDRESS_LENGTH = 500;
/** An owner's name as on the title deed; generous for co-owning companies' full names. */
export const MAX_OWNER_NAME_LENGTH = 100;
/** A document's reference number (a mandate's 授权委托书编号, a transfer's deed or ruling number). */
export const MAX_REFERENCE_LENGTH = 200;
/** Where a paper original is kept (a paper ballot, a written mandate): a file path, box number or URL. */
export const MAX_EVIDENCE_REF_LENGTH = 500;
/** The covenant clause a motion cites to count non-voters with the majority (从众). */
export const MAX_CLAUSE_LENGTH = 500;

// \p{Cc} are the C0 and C1 controls; multi-line text keeps tab, line feed and carriage return. \p{Cs} in a
// `u` regex matches only a lone surrogate (a paired one is read as one code point).
const CONTROL = /\p{Cc}/u;
const CONTROL_EXCEPT_LINE_BREAKS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/;
const LONE_SURROGATE = /\p{Cs}/u;

/** True when `text` holds a lone surrogate (not encodable as UTF-8). */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/** Length in code points, so that a Chinese name is measured by its characters. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Why a piece of free text is unacceptable, or null; judged after trimming. `multiline` texts (a
 * description, a reason) may hold tabs and line breaks; one-line texts (titles, names, references) no
 * control character at all. Lone surrogates are refused in both (they cannot be stored as UTF-8).
 */
export function textProblem(value: unknown, maxLength: number, multiline = false): 'required' | 'too_long' | 'invalid' | null {
  if (typeof value !== 'string' || value.trim().length === 0) return 'required';
  const trimmed = value.trim();
  if (codePointLength(trimmed) > maxLength) return 'too_long';
  if ((multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(trimmed) || hasLoneSurrogate(trimmed)) return 'invalid';
  return null;
}

// --- lists ----------------------------------------------------------------------------------------------

/**
 * Buildings in a motion's scope (沪规定 Art. 69). The decider also requires each to exist in the compound,
 * which bounds the list by the compound's buildings; this cap bounds the request before the registry is read.
 */
export const MAX_BUILDINGS_IN_SCOPE = 500;
/** Units per import command; larger files are imported in several commands (the CLI sends 5,000 a batch). */
export const MAX_UNITS_PER_COMMAND = 50_000;
/** Co-owners of one unit; a sanity bound, not a legal one. */
export const MAX_OWNERS_PER_UNIT = 100;

// --- instants -------------------------------------------------------------------------------------------

/**
 * Every instant a command carries or the manual clock is set to lies in [2000-01-01, 2100-01-01) UTC. The
 * earliest rule pack is 物业管理条例 (2003); nothing this service decides lies a century ahead. The bound keeps
 * date arithmetic in range and stops a typo (year 9999) from locking the never-backwards manual clock.
 */
export const EARLIEST_INSTANT = new Date('2000-01-01T00:00:00.000Z');
export const LATEST_INSTANT = new Date('2100-01-01T00:00:00.000Z');

export function instantInRange(instant: Date): boolean {
  const ms = instant.getTime();
  return ms >= EARLIEST_INSTANT.getTime() && ms < LATEST_INSTANT.getTime();
}
