/**
 * Idempotent commands. A command's id is derived from the caller's subject and its `Idempotency-Key`
 * (scopedCommandId; a fresh UUID without a key), so keys are scoped to the principal: another principal's
 * same key is another command and learns nothing. Every event a keyed command appends carries that id and a
 * hash of the request in its metadata, so the log itself remembers which commands ran: the read database
 * indexes them, and a retry by the same principal with the same key replays the first response from the
 * recorded events, appending nothing. The same principal and key with a different request is 409.
 * A command sent without a key cannot be retried by id, so it carries no request hash and is not indexed.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import type { Principal } from '../auth/grants.js';
import type { Clock } from '../clock.js';
import { scopedCommandId, type CommandEnvelope } from '../commands/handler.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadView } from '../projections/readStore.js';
import { canonicalJson } from '../store/hashChain.js';
import type { EventStore, RecordedEvent } from '../store/port.js';
import { domainProblem, HttpProblem } from './problem.js';

export interface CommandOutcome {
  readonly events: readonly RecordedEvent[];
  readonly position: bigint;
  /** True when the events were recorded by an earlier request with the same Idempotency-Key. */
  readonly replayed?: boolean;
}

export interface CommandSpec {
  readonly principal: Principal;
  /** The role recorded as the actor's. */
  readonly role: string;
  execute(cmd: CommandEnvelope): Promise<CommandOutcome | DomainError>;
  /** Builds the response from the command's events; used for the first answer and for replays. */
  respond(outcome: CommandOutcome): Promise<{ status: number; body: unknown }> | { status: number; body: unknown };
}

export interface CommandLog {
  run(request: FastifyRequest, reply: FastifyReply, spec: CommandSpec): Promise<FastifyReply>;
  /** Global position of the newest event this process appended (reads wait for it). */
  lastAppended(): bigint;
  noteAppended(position: bigint): void;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function commandLog(store: EventStore, read: ReadView, runner: ProjectionRunner, clock: Clock): CommandLog {
  const inflight = new Map<string, Promise<unknown>>();
  let last = 0n;
  const noteAppended = (p: bigint) => {
    if (p > last) last = p;
  };

  async function replay(commandId: string, requestHash: string, spec: CommandSpec, reply: FastifyReply) {
    await runner.waitFor(last);
    const record = read.command(commandId);
    if (!record) return null;
    if (record.requestHash !== requestHash) {
      throw new HttpProblem(409, 'idempotency_key_reused', 'This Idempotency-Key was used for a different request');
    }
    const events = await store.readStream(record.streamId, { fromRevision: record.firstRevision, maxCount: record.count });
    const { status, body } = await spec.respond({ events, position: record.position, replayed: true });
    return reply.code(status).header('idempotent-replayed', 'true').send(body);
  }

  /** `key`: the client's Idempotency-Key (or the command id when there is none), the default correlation id. */
  async function execute(request: FastifyRequest, reply: FastifyReply, spec: CommandSpec, commandId: string, key: string, requestHash: string | undefined) {
    const correlation = request.headers['x-correlation-id'];
    const cmd: CommandEnvelope = {
      commandId,
      correlationId: typeof correlation === 'string' && KEY_PATTERN.test(correlation) ? correlation : key,
      causationId: commandId,
      actor: { personId: spec.principal.personId, role: spec.role },
      now: clock.now(),
      receivedAtMs: Date.now(),
      ...(requestHash !== undefined ? { requestHash } : {}),
    };
    const outcome = await spec.execute(cmd);
    if (isDomainError(outcome)) throw domainProblem(outcome);
    noteAppended(outcome.position);
    const { status, body } = await spec.respond(outcome);
    return reply.code(status).send(body);
  }

  return {
    lastAppended: () => last,
    noteAppended,
    async run(request, reply, spec) {
      const header = request.headers['idempotency-key'];
      if (header !== undefined && (typeof header !== 'string' || !KEY_PATTERN.test(header))) {
        throw new HttpProblem(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
      }
      // Without a key nobody can retry this command by id: no request hash, nothing to index for replays.
      if (header === undefined) {
        const fresh = randomUUID();
        return execute(request, reply, spec, fresh, fresh, undefined);
      }
      const key = header;
      const commandId = scopedCommandId(spec.principal.personId, key);
      const requestHash = createHash('sha256')
        .update(canonicalJson({ m: request.method, u: request.routeOptions.url, p: request.params ?? {}, b: request.body ?? null, by: spec.principal.personId }))
        .digest('hex');
      // One request per command id at a time; a retry waits for the first, then replays it.
      while (inflight.has(commandId)) await inflight.get(commandId)!.catch(() => undefined);
      const work = (async () => (await replay(commandId, requestHash, spec, reply)) ?? execute(request, reply, spec, commandId, key, requestHash))();
      inflight.set(commandId, work);
      try {
        return await work;
      } finally {
        inflight.delete(commandId);
      }
    },
  };
}
