/**
 * RFC 9457 problem details. Every error the API returns is `application/problem+json` with a stable
 * `code` that clients may switch on. Domain error kinds map to statuses here and nowhere else.
 */
import type { FastifyReply } from 'fastify';
import type { DomainError, DomainErrorKind } from '../../domain/shared/errors.js';

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail?: string;
  readonly [extra: string]: unknown;
}

/** An HTTP refusal raised from a route or hook; the error handler renders it. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const statusOfKind: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** The title of a status, as problem+json bodies and raw status lines carry it. */
export const titleOf = (status: number): string => titles[status] ?? 'Error';

export function problemBody(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:problem:${code}`, title: titleOf(status), status, code, detail, ...extra };
}

export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string, extra: Record<string, unknown> = {}) {
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="compound-governance"');
  return reply.code(status).type('application/problem+json').send(problemBody(status, code, detail, extra));
}

export function domainProblem(error: DomainError): HttpProblem {
  return new HttpProblem(statusOfKind[error.error], error.code, error.message, error.details ? { details: error.details } : {});
}
