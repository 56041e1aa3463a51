/**
 * The HTTP application as a Fastify instance: OpenAPI at /docs, zod validation, problem+json errors,
 * request ids in the logs. Routes stay thin: parse, authorise, hand over to a command or a read.
 *
 * Every error is problem+json with a stable code, Fastify's own included: a bad URL encoding
 * (`invalid_url`), an over-long URL or parameter (`414 uri_too_long`), a body too large (`413
 * payload_too_large`), another media type (`415 unsupported_media_type`), no route (`404
 * route_not_found`), another method on a known path (`405 method_not_allowed`), and errors Node's HTTP
 * parser raises before Fastify sees a request (`431 headers_too_large`, `408 request_timeout`,
 * `400 malformed_request`). The request limits are services/api/limits.ts.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { serializerCompiler } from './fixedSerializer.js'; // #18: plain string answers without a zod pass
import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { RevisionConflictError, StoreUnavailableError } from '../store/port.js';
import type { AppDeps } from './deps.js';
import { registerAuthentication } from './authenticate.js';
import { registerGracefulClose } from './gracefulClose.js'; // ops
import { registerMetrics } from './metrics.js'; // ops
import { fastifyTrustProxy, registerRateLimit, type RateLimitOptions } from './rateLimit.js'; // trust17
import type { TrustProxy } from '../config.js'; // polish (trust)
import { registerSecurityHeaders } from './securityHeaders.js'; // trust17
import { registerCors } from './cors.js'; // trust17
import { registerJsonBody } from './jsonBody.js';
import { registerTimeTravel } from './asOf/timeTravel.js';
import { allProjections } from '../contexts.js';
import { trackKnownPaths } from './knownPaths.js';
import { MAX_BODY_BYTES, MAX_PARAM_LENGTH, MAX_URL_LENGTH } from './limits.js';
import { HttpProblem, problemBody, sendProblem, titleOf } from './problem.js';
import { issueCode } from './schemas.js';
import { routes } from './routes/index.js';

export interface AppOptions {
  readonly deps: AppDeps;
  readonly logger?: FastifyBaseLogger | false;
  /** ops: the static bearer secret that may read /metrics (besides an admin token). */
  readonly metricsToken?: string | undefined;
  /** trust17: rate limits (services/api/rateLimit.ts); absent: none. */
  readonly rateLimit?: RateLimitOptions;
  /** trust17: origins allowed by CORS (services/api/cors.ts); absent or empty: CORS off. */
  readonly corsOrigins?: readonly string[];
  /** polish (trust): Fastify's trustProxy (`TRUST_PROXY`): whose X-Forwarded-For gives `request.ip`; absent: nobody's. */
  readonly trustProxy?: TrustProxy;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, _request, reply) => frameworkProblem(error, reply),
    clientErrorHandler: clientErrorProblem,
    return503OnClosing: false, // ops: gracefulClose.ts answers 503 shutting_down as problem+json
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false), // polish (trust)
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', options.deps);
  registerJsonBody(app);
  registerGracefulClose(app); // ops
  registerAuthentication(app, options.deps.signingKey); // platform: the bearer token verified once per request
  registerMetrics(app, options.deps, { metricsToken: options.metricsToken }); // ops
  const knownPaths = trackKnownPaths(app);
  // ?asOf= on every view of a compound (services/api/asOf/timeTravel.ts).
  registerTimeTravel(app, { store: options.deps.store, read: options.deps.read, projections: allProjections, deadlineSources: options.deps.platform.deadlineSources, ...(options.deps.asOfSnapshots ? { table: options.deps.asOfSnapshots } : {}) /* snap16 */ });
  // Callback-style hooks (#18): an async hook costs every request a promise and a turn (~1.8 µs each).
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.url.length > MAX_URL_LENGTH) {
      return done(new HttpProblem(414, 'uri_too_long', `URLs are at most ${MAX_URL_LENGTH} characters`, { maxLength: MAX_URL_LENGTH }));
    }
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message, params: v.params }));
      // An issue with a code of its own (e.g. instant_out_of_range) names the problem when all issues share it.
      const codes = new Set(error.validation.map((v) => issueCode(v.params)));
      const [only] = codes;
      const code = codes.size === 1 && only !== undefined ? only : 'validation_failed';
      return sendProblem(reply, 400, code, `Invalid ${error.validationContext ?? 'request'}`, { issues });
    }
    if (error instanceof HttpProblem) return sendProblem(reply, error.status, error.code, error.message, error.extra);
    if (error instanceof RevisionConflictError) {
      return sendProblem(reply, 409, 'concurrent_update', 'The record changed concurrently too often; retry');
    }
    if (error instanceof StoreUnavailableError) {
      request.log.error({ err: error }, 'store unavailable');
      return sendProblem(reply, 503, 'store_unavailable', 'The event store cannot be reached; nothing was recorded');
    }
    const e = error as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 415) return sendProblem(reply, 415, 'unsupported_media_type', 'Bodies are application/json in UTF-8');
    if (e.statusCode === 413) {
      return sendProblem(reply, 413, 'payload_too_large', `Bodies are at most ${MAX_BODY_BYTES} bytes; split a large import`, { maxBytes: MAX_BODY_BYTES });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      const code = e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'empty_body' : e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ? 'invalid_content_length' : 'malformed_request';
      return sendProblem(reply, e.statusCode, code, e.message ?? 'Bad request');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'Something went wrong; nothing was recorded unless a 2xx said so');
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = knownPaths.methodsOn(path);
    if (allowed.length > 0) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(reply, 405, 'method_not_allowed', `${request.method} is not served on ${path}; use ${allowed.join(', ')}`, { allow: allowed });
    }
    return sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${path}`);
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Compound governance API',
        description: 'Owners\u2019 assembly decisions, compound registry and three-party governance (三方联动).',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await registerSecurityHeaders(app); // trust17
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true /* trust17: its own CSP on /docs */ });
  await registerCors(app, options.corsOrigins ?? []); // trust17
  if (options.rateLimit) await registerRateLimit(app, options.deps.signingKey, options.rateLimit); // trust17
  await app.register(routes);
  return app;
}

/** Errors Fastify's router raises before a route is chosen. */
function frameworkProblem(error: { code?: string; message: string }, reply: FastifyReply) {
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return sendProblem(reply, 400, 'invalid_url', 'The URL is not validly percent-encoded');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return sendProblem(reply, 414, 'uri_too_long', `A path parameter is longer than ${MAX_PARAM_LENGTH} characters`, { maxParamLength: MAX_PARAM_LENGTH });
    default:
      return sendProblem(reply, 400, 'malformed_request', error.message);
  }
}

/**
 * Errors Node's HTTP parser raises on a connection before there is a request (a head over Node's 16 KB,
 * a garbled request line, a timeout): answered as problem+json on the raw socket, then closed.
 */
function clientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request head is larger than the server accepts']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request did not arrive in time']
        : [400, 'malformed_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(problemBody(status, code, detail));
  socket.end(
    `HTTP/1.1 ${status} ${titleOf(status)}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
