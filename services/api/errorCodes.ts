/**
 * The codes the HTTP layer and the platform raise themselves, outside every context's deciders, each with its
 * one HTTP status (a context's own codes are in domain/<context>/errors.ts, as kinds). README's "Error codes"
 * lists them all; tests/ci/errorCodes.test.ts holds the README, these catalogues and the codes the source
 * raises to one another.
 */
export const apiErrorCodes = {
  // The request itself (services/api/app.ts, jsonBody.ts, commandLog.ts)
  validation_failed: 400,
  malformed_request: 400,
  empty_body: 400,
  invalid_content_length: 400,
  invalid_utf8: 400,
  json_too_deep: 400,
  invalid_url: 400,
  invalid_idempotency_key: 400,
  route_not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  headers_too_large: 431,
  // Authentication and grants (services/api/authenticate.ts)
  missing_token: 401,
  invalid_token: 401,
  token_expired: 401,
  insufficient_grant: 403,
  // trust17: key rotation, revocation (services/auth/keys.ts, revocations.ts), CORS and rate limits (cors.ts, rateLimit.ts)
  unknown_signing_key: 401,
  token_revoked: 401,
  cors_origin_refused: 403,
  rate_limited: 429,
  // The log and the read model (services/api/commandLog.ts, readModel.ts, projected.ts, asOf/)
  idempotency_key_reused: 409,
  concurrent_update: 409,
  position_beyond_log: 400,
  as_of_not_supported: 400,
  record_not_found: 404,
  read_model_behind: 504,
  projection_failed: 503,
  store_unavailable: 503,
  log_tree_unavailable: 501,
  // The clock (services/api/routes/admin.ts) and the server's life
  clock_not_manual: 409,
  clock_backwards: 409,
  shutting_down: 503,
  internal_error: 500,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof apiErrorCodes;
