/**
 * A doctored export for the verifier's tests: `doctor` changes the events, which are then re-chained and
 * re-signed with a key of our own, so only the verifier's recomputation (not the chain or the signature) can
 * catch the change.
 */
import { generateKeyPairSync } from 'node:crypto';
import { sealExport } from '../../services/export/seal.js';
import { publicJwk } from '../../services/keys/logSigningKey.js';
import type { ExportFile } from '../../verifier/format.js';

export type Doctor = (e: { type: string; data: any }) => void;

export function resealExport(file: ExportFile, doctor: Doctor): string {
  const events = structuredClone(file.events) as ExportFile['events'];
  for (const e of events) doctor(e as Parameters<Doctor>[0]);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const sealed = sealExport(
    {
      compoundId: file.manifest.compoundId,
      exportedAt: file.manifest.exportedAt,
      source: file.manifest.source,
      pseudonyms: file.manifest.pseudonyms,
      events: events.map((e) => ({ position: BigInt(e.position), streamId: e.streamId, eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })),
    },
    { privateKey, jwk: publicJwk(publicKey) },
  );
  return JSON.stringify(sealed);
}
