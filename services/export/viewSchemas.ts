/**
 * Response schema of the compound's export (`GET /v1/compounds/{compoundId}/export`), so /docs documents it:
 * the file of verifier/format.ts (ExportFile) field for field, held to it by the compiler
 * (services/api/viewMatchesSchema.ts). Each event's `data` is the event's own JSON (its type's fields, personal
 * data pseudonymised or dropped), documented as any JSON object. The route sends the file as text, so the
 * serializer never reshapes it; the schema documents it.
 */
import { z } from 'zod';
import type { ExportFile } from '../../verifier/format.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const hex = z.string().describe('hex');

const exportedEvent = z.object({
  seq: z.number().int().describe('0-based place in the export'),
  position: z.string().describe('the event’s position in the server’s log (what ?asOf= positions refer to), decimal'),
  streamId: z.string(),
  revision: z.string().describe('decimal'),
  eventId: z.string(),
  type: z.string(),
  schemaVersion: z.number().int(),
  data: z.unknown().describe('the event’s JSON object, as its type defines it, with person ids replaced by per-compound pseudonyms and names, contacts and encrypted envelopes dropped'),
  metadata: z.object({
    commandId: z.string(),
    correlationId: z.string(),
    causationId: z.string(),
    actor: z.object({ personId: z.string().describe('a pseudonym'), role: z.string() }),
    recordedAt: instant,
  }),
  prevHash: hex.describe('the previous exported event’s hash in its stream'),
  hash: hex.describe('the event’s hash, re-chained over the pseudonymised event (canonical.ts eventHash)'),
});

export const exportSchema = z.object({
  manifest: z.object({
    format: z.literal('compound-export/v1'),
    compoundId: z.string(),
    exportedAt: instant,
    source: z.object({ treeSize: z.string(), rootHash: hex }).nullable().describe('the log’s tree head when the export was read (GET /v1/log/head signs the same figures); null on EventStoreDB'),
    pseudonyms: z.string().describe('how personal data was replaced'),
    events: z.number().int(),
    streams: z.array(z.object({ streamId: z.string(), events: z.number().int(), head: hex.describe('the hash of the stream’s last exported event') })).readonly().describe('sorted by id'),
    sequence: hex.describe('the digest chaining every event’s place, source position and hash'),
    key: z.object({ kid: hex.describe('RFC 7638 thumbprint, as GET /v1/keys lists it'), x: z.string().describe('the Ed25519 public key') }),
  }),
  signature: hex.describe('Ed25519 over the UTF-8 of canonicalJson(manifest)'),
  events: z.array(exportedEvent).readonly().describe('the compound’s events in the log’s global order'),
});

// The compiler holds the schema to the file's type.
export const exportSchemaMatches: ViewMatches<typeof exportSchema, ExportFile> = true;
