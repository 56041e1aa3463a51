/**
 * The HTTP application as a Fastify instance: OpenAPI at /docs, zod validation, problem+json errors,
 * request ids in the logs. Routes stay thin: parse, authorise, hand over to a command or a read.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { RevisionConflictError, StoreUnavailableError } from '../store/port.js';
import type { AppDeps } from './deps.js';
import { HttpProblem, sendProblem } from './problem.js';
import { routes } from './routes/index.js';

export interface AppOptions {
  readonly deps: AppDeps;
  readonly logger?: FastifyBaseLogger | false;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 32 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', options.deps);
  // An empty JSON body is no body (lifecycle commands such as POST /v1/motions/{id}/notice take none).
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch (error) {
      done(Object.assign(error as Error, { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON' }), undefined);
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message, params: v.params }));
      return sendProblem(reply, 400, 'validation_failed', `Invalid ${error.validationContext ?? 'request'}`, { issues });
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
    if (e.statusCode === 415) return sendProblem(reply, 415, 'unsupported_media_type', e.message ?? 'Unsupported media type');
    if (e.statusCode === 413) return sendProblem(reply, 413, 'payload_too_large', e.message ?? 'Payload too large');
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      const code = e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'empty_body' : 'malformed_request';
      return sendProblem(reply, e.statusCode, code, e.message ?? 'Bad request');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'Something went wrong; nothing was recorded unless a 2xx said so');
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );

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
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(routes);
  return app;
}
