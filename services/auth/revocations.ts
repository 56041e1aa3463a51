/**
 * Token revocation as events in the log (trust17): an admin revokes one token (by its `jti`) or every token
 * of a subject issued before an instant (a lost phone, a member who left). The events are on one stream,
 * `token-revocations`, durable and hash-chained like every other; this process keeps them as a small set in
 * memory, read from the log at start (so they survive a restart), applied at once after its own appends, and
 * caught up from the stream every 2 s (revocations made by another instance on a shared EventStoreDB).
 * The token verifier (tokens.ts) consults it for every request, cached tokens included.
 */
import type { DomainEvent } from '../../domain/shared/decider.js';
import { envelopeEvents, type CommandEnvelope } from '../commands/handler.js';
import type { EventStore, RecordedEvent } from '../store/port.js';
import type { RevocationCheck } from './keys.js';

export const REVOCATIONS_STREAM = 'token-revocations';

/** 吊销令牌: one token, by its `jti`. */
export interface TokenRevokedData {
  readonly jti: string;
  readonly reason: string;
  readonly revokedAt: string;
}

/** 吊销某人的令牌: every token of `subject` issued (`iat`) before `issuedBefore`; a token without `iat` too. */
export interface SubjectTokensRevokedData {
  readonly subject: string;
  readonly issuedBefore: string;
  readonly reason: string;
  readonly revokedAt: string;
}

export type TokenRevocationEvent =
  | { readonly type: 'TokenRevoked'; readonly data: TokenRevokedData }
  | { readonly type: 'SubjectTokensRevoked'; readonly data: SubjectTokensRevokedData };

/** What an admin asks for. */
export type RevokeTokens =
  | { readonly kind: 'token'; readonly jti: string; readonly reason: string }
  | { readonly kind: 'subject'; readonly subject: string; readonly issuedBefore: Date; readonly reason: string };

export interface TokenRevocations extends RevocationCheck {
  /** Records the revocation (durable when it resolves) and applies it here. */
  revoke(request: RevokeTokens, cmd: CommandEnvelope): Promise<{ events: RecordedEvent[]; position: bigint }>;
  /** Reads what the log holds beyond what this process has seen. */
  catchUp(): Promise<void>;
  close(): void;
}

export async function tokenRevocations(store: EventStore, options: { pollMs?: number } = {}): Promise<TokenRevocations> {
  const jtis = new Set<string>();
  /** Per subject, the latest `issuedBefore` in epoch milliseconds. */
  const subjects = new Map<string, number>();
  let nextRevision = 0n;

  const apply = (event: RecordedEvent) => {
    if (event.revision < nextRevision) return;
    nextRevision = event.revision + 1n;
    const e = { type: event.type, data: event.data } as TokenRevocationEvent;
    switch (e.type) {
      case 'TokenRevoked':
        jtis.add(e.data.jti);
        break;
      case 'SubjectTokensRevoked': {
        const before = Date.parse(e.data.issuedBefore);
        if (before > (subjects.get(e.data.subject) ?? Number.NEGATIVE_INFINITY)) subjects.set(e.data.subject, before);
        break;
      }
      default:
        break; // an event type of a later version: ignored here, kept in the log
    }
  };
  let catching: Promise<void> | null = null;
  const catchUp = () =>
    (catching ??= (async () => {
      try {
        for (const e of await store.readStream(REVOCATIONS_STREAM, { fromRevision: nextRevision })) apply(e);
      } finally {
        catching = null;
      }
    })());
  await catchUp();
  const timer = setInterval(() => void catchUp().catch(() => undefined), options.pollMs ?? 2_000);
  timer.unref();

  return {
    isRevoked({ jti, sub, iatSeconds }) {
      if (jti !== undefined && jtis.has(jti)) return true;
      const before = subjects.get(sub);
      return before !== undefined && (iatSeconds === undefined || iatSeconds * 1000 < before);
    },
    async revoke(request, cmd) {
      const revokedAt = cmd.now.toISOString();
      const event: DomainEvent =
        request.kind === 'token'
          ? { type: 'TokenRevoked', data: { jti: request.jti, reason: request.reason, revokedAt } satisfies TokenRevokedData }
          : { type: 'SubjectTokensRevoked', data: { subject: request.subject, issuedBefore: request.issuedBefore.toISOString(), reason: request.reason, revokedAt } satisfies SubjectTokensRevokedData };
      const result = await store.append(REVOCATIONS_STREAM, envelopeEvents(REVOCATIONS_STREAM, [event], cmd), 'any');
      // Apply what the log now holds up to it (another instance's revocations included), so the answer
      // goes out only once this process refuses the token.
      while (nextRevision <= result.nextExpectedRevision) await catchUp();
      const events = await store.readStream(REVOCATIONS_STREAM, { fromRevision: result.nextExpectedRevision, maxCount: 1 });
      return { events, position: result.position };
    },
    catchUp,
    close: () => clearInterval(timer),
  };
}
