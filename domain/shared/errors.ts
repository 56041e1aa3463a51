/**
 * Domain errors: a value, not an exception. `kind` says what sort of refusal it is (the HTTP layer maps
 * kinds to statuses in one place); `code` is stable and documented for clients.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export interface DomainError {
  readonly error: DomainErrorKind;
  /** Stable, snake_case; clients may switch on it. */
  readonly code: string;
  readonly message: string;
  /** Extra facts for the client (e.g. which unit failed). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>): DomainError => ({
  error: 'invalid',
  code,
  message,
  ...(details ? { details } : {}),
});
export const forbidden = (code: string, message: string, details?: Record<string, unknown>): DomainError => ({
  error: 'forbidden',
  code,
  message,
  ...(details ? { details } : {}),
});
export const notFound = (code: string, message: string, details?: Record<string, unknown>): DomainError => ({
  error: 'not_found',
  code,
  message,
  ...(details ? { details } : {}),
});
export const conflict = (code: string, message: string, details?: Record<string, unknown>): DomainError => ({
  error: 'conflict',
  code,
  message,
  ...(details ? { details } : {}),
});

export function isDomainError(value: unknown): value is DomainError {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as DomainError).code === 'string' &&
    typeof (value as DomainError).error === 'string'
  );
}

/**
 * A context's `refuse`: given its typed catalogue of codes (code → kind), a function that builds a refusal
 * whose kind is always its code's. Each context's errors.ts is its catalogue plus `refuserFor(catalogue)`.
 */
export function refuserFor<Codes extends Readonly<Record<string, DomainErrorKind>>>(codes: Codes) {
  return (code: keyof Codes & string, message: string, details?: Record<string, unknown>): DomainError => ({
    error: codes[code]!,
    code,
    message,
    ...(details ? { details } : {}),
  });
}
