/**
 * The export of one compound (`cli export`, `GET /v1/compounds/{compoundId}/export`): its part of the log
 * (collect.ts), personal data replaced by field (pseudonyms.ts), re-chained and signed (seal.ts).
 *
 * Why a chain of its own: replacing a name or a person id changes the event's bytes, so the log's chains cannot
 * be re-verified over the pseudonymised content, and publishing the original hashes beside it would let anyone
 * confirm a guessed name or id by hashing. The export therefore chains the pseudonymised events with the same
 * construction, records the source log's tree head (size and root, which `GET /v1/log/head` signs) when it was
 * read, and signs the whole with the log's key: the server vouches that this is its log, transformed by the
 * published rules; anyone can then check every figure without the server.
 */
import { compoundStreamId } from '../../domain/registry/index.js';
import type { ExportFile } from '../../verifier/format.js';
import type { LogSigningKey } from '../keys/logSigningKey.js';
import type { EventStore } from '../store/port.js';
import { compoundLog } from './collect.js';
import { compoundSecret, Pseudonymiser, PSEUDONYM_SCHEME } from './pseudonyms.js';
import { sealExport } from './seal.js';

export interface ExportKeys {
  readonly logKey: Pick<LogSigningKey, 'privateKey' | 'jwk'>;
  /** The server's export key (pseudonyms.ts loadExportKey). */
  readonly exportKey: Buffer;
}

/** The compound's export, or null when no such compound is registered. */
export async function exportCompound(store: EventStore, compoundId: string, keys: ExportKeys, now: Date): Promise<ExportFile | null> {
  const registry = await store.readStream(compoundStreamId(compoundId), { maxCount: 1 });
  if (registry.length === 0) return null;
  const tree = store.treeHead ? await store.treeHead() : null;
  const { events } = await compoundLog(store, compoundId);
  const p = new Pseudonymiser(compoundSecret(keys.exportKey, compoundId));
  const unsealed = events.map((e) => {
    const { commandId, correlationId, causationId, actor, recordedAt } = e.metadata;
    return {
      position: e.position,
      streamId: p.streamId(e.streamId, e.data),
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: p.data(e.type, e.data),
      metadata: { commandId, correlationId, causationId, actor: { personId: p.person(actor.personId), role: actor.role }, recordedAt },
    };
  });
  return sealExport(
    {
      compoundId,
      exportedAt: now.toISOString(),
      source: tree ? { treeSize: tree.treeSize.toString(), rootHash: tree.rootHash } : null,
      pseudonyms: PSEUDONYM_SCHEME,
      events: unsealed,
    },
    keys.logKey,
  );
}
