/**
 * Verifies an export (format.ts) from its bytes alone: the signature over the manifest (with the key in the
 * file, and, when given, that this key is one the server publishes at `/v1/keys`), every stream's hash chain,
 * the manifest's stream heads, counts and sequence digest, then recomputes every tally, result, decision,
 * ledger balance and payment → decision link (assembly.ts, funds.ts), the committee (committee.ts), the firm's
 * contract and held-back fees (hiring.ts), residents' meetings (residents.ts), joint meetings and disputes with
 * their statistics (community.ts). Every mismatch is reported with its record.
 */
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { AssemblyCheck } from './assembly.js';
import { canonicalJson, eventHash, GENESIS, nextSequence, thumbprint } from './canonical.js';
import { CommitteeCheck } from './committee.js';
import { CommunityCheck, type CommunityStatistics } from './community.js';
import { EXPORT_FORMAT, type ExportedEvent, type ExportFile, type ExportManifest } from './format.js';
import { FundsCheck } from './funds.js';
import { HiringCheck } from './hiring.js';
import type { ProjectedEvent } from './memoryDocs.js';
import { recordOf, type Check, type Problem } from './problems.js';
import { ResidentsCheck } from './residents.js';

export interface VerifyOptions {
  /** Public keys the server publishes (`GET /v1/keys`): the export's key must be one of them. */
  readonly keys?: readonly { readonly kid: string; readonly x: string }[];
}

export interface Verification {
  readonly problems: readonly Problem[];
  readonly compoundId: string | null;
  readonly counts: {
    readonly events: number;
    readonly streams: number;
    readonly motions: number;
    readonly ballots: number;
    readonly results: number;
    readonly decisions: number;
    readonly fundEvents: number;
    readonly transfers: number;
    readonly committeeEvents: number;
    readonly contracts: number;
    readonly heldBackReleases: number;
    readonly residentsItems: number;
    readonly jointEvents: number;
    readonly disputeEvents: number;
  };
  /** The statistics the notice board posts, recomputed (null when the file could not be read). */
  readonly statistics: CommunityStatistics | null;
}

const HEX64 = /^[0-9a-f]{64}$/;
const DECIMAL = /^(0|[1-9]\d*)$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The problem with an event's shape, or null. */
function shapeProblem(v: unknown, seq: number): string | null {
  if (!isObject(v)) return 'not an object';
  if (v.seq !== seq) return `seq is ${String(v.seq)}, expected ${seq}`;
  for (const k of ['position', 'revision'] as const) if (typeof v[k] !== 'string' || !DECIMAL.test(v[k] as string)) return `${k} is not a decimal string`;
  for (const k of ['streamId', 'eventId', 'type'] as const) if (typeof v[k] !== 'string' || v[k] === '') return `${k} is not a string`;
  if (!Number.isInteger(v.schemaVersion)) return 'schemaVersion is not an integer';
  for (const k of ['prevHash', 'hash'] as const) if (typeof v[k] !== 'string' || !HEX64.test(v[k] as string)) return `${k} is not 64 hex digits`;
  if (!('data' in v)) return 'data is missing';
  const m = v.metadata;
  if (!isObject(m) || !isObject(m.actor) || typeof m.actor.personId !== 'string' || typeof m.actor.role !== 'string') return 'metadata is not {commandId, correlationId, causationId, actor, recordedAt}';
  for (const k of ['commandId', 'correlationId', 'causationId', 'recordedAt'] as const) if (typeof m[k] !== 'string') return `metadata.${k} is not a string`;
  return null;
}

function manifestProblem(m: unknown): string | null {
  if (!isObject(m)) return 'the manifest is not an object';
  if (m.format !== EXPORT_FORMAT) return `the format is ${String(m.format)}, not ${EXPORT_FORMAT}`;
  if (typeof m.compoundId !== 'string' || typeof m.exportedAt !== 'string' || typeof m.pseudonyms !== 'string') return 'compoundId, exportedAt or pseudonyms is missing';
  if (!Number.isInteger(m.events) || typeof m.sequence !== 'string' || !Array.isArray(m.streams)) return 'events, streams or sequence is missing';
  if (!isObject(m.key) || typeof m.key.kid !== 'string' || typeof m.key.x !== 'string') return 'the key is not {kid, x}';
  return null;
}

export function verifyExportText(text: string, options: VerifyOptions = {}): Verification {
  const problems: Problem[] = [];
  const report = (check: Check, record: string, detail: string) => void problems.push({ check, record, detail });
  const empty = { events: 0, streams: 0, motions: 0, ballots: 0, results: 0, decisions: 0, fundEvents: 0, transfers: 0, committeeEvents: 0, contracts: 0, heldBackReleases: 0, residentsItems: 0, jointEvents: 0, disputeEvents: 0 };
  let file: ExportFile;
  try {
    file = JSON.parse(text) as ExportFile;
  } catch (error) {
    report('format', 'the file', `not JSON: ${(error as Error).message}`);
    return { problems, compoundId: null, counts: empty, statistics: null };
  }
  if (!isObject(file) || !Array.isArray(file.events)) {
    report('format', 'the file', 'not {manifest, signature, events}');
    return { problems, compoundId: null, counts: empty, statistics: null };
  }
  const bad = manifestProblem(file.manifest);
  if (bad) {
    report('format', 'the manifest', bad);
    return { problems, compoundId: null, counts: empty, statistics: null };
  }
  const manifest: ExportManifest = file.manifest;

  // The signature: over the manifest, by the key the manifest names (its kid is the key's thumbprint).
  if (thumbprint(manifest.key.x) !== manifest.key.kid) report('key', 'the manifest', `kid ${manifest.key.kid} is not the thumbprint of the key it gives`);
  if (options.keys && !options.keys.some((k) => k.kid === manifest.key.kid && k.x === manifest.key.x)) report('key', 'the manifest', `key ${manifest.key.kid} is not among the keys given with --key`);
  let signed = false;
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: manifest.key.x }, format: 'jwk' });
    signed = typeof file.signature === 'string' && /^[0-9a-f]{128}$/.test(file.signature) && verifySignature(null, Buffer.from(canonicalJson(manifest)), key, Buffer.from(file.signature, 'hex'));
  } catch {
    signed = false;
  }
  if (!signed) report('signature', 'the manifest', 'the signature does not hold for the manifest and its key');

  // Chains: each stream from revision 0, each event's hash recomputed; the export's sequence.
  const heads = new Map<string, { events: number; head: string }>();
  const events: ExportedEvent[] = [];
  let sequence = GENESIS;
  let lastPosition = -1n;
  for (let seq = 0; seq < file.events.length; seq++) {
    const raw = file.events[seq];
    const shape = shapeProblem(raw, seq);
    if (shape) {
      report('format', `event ${seq}`, shape);
      continue;
    }
    const e = raw as ExportedEvent;
    const where = recordOf(e);
    const position = BigInt(e.position);
    if (position <= lastPosition) report('chain', where, `position ${e.position} does not follow ${lastPosition}: the export is in the log's order`);
    lastPosition = position;
    const stream = heads.get(e.streamId) ?? { events: 0, head: GENESIS };
    if (e.revision !== String(stream.events)) report('chain', where, `revision ${e.revision} where ${stream.events} comes next`);
    if (e.prevHash !== stream.head) report('chain', where, `prevHash ${e.prevHash} is not the previous event's hash ${stream.head}`);
    const hash = eventHash(e);
    if (hash !== e.hash) report('chain', where, `the event's hash is ${hash}, not ${e.hash}: its content changed`);
    heads.set(e.streamId, { events: stream.events + 1, head: e.hash });
    sequence = nextSequence(sequence, e);
    events.push(e);
  }
  if (manifest.events !== file.events.length) report('manifest', 'the manifest', `counts ${manifest.events} events; the file holds ${file.events.length}`);
  if (manifest.sequence !== sequence) report('manifest', 'the manifest', `the sequence digest is ${manifest.sequence}; recomputed ${sequence}: events were added, dropped, moved or changed`);
  const listed = new Set<string>();
  for (const s of manifest.streams as unknown[]) {
    if (!isObject(s) || typeof s.streamId !== 'string') {
      report('format', 'the manifest', 'a stream entry is not {streamId, events, head}');
      continue;
    }
    listed.add(s.streamId);
    const h = heads.get(s.streamId);
    if (!h) report('manifest', `stream ${s.streamId}`, 'listed in the manifest, absent from the events');
    else if (h.events !== s.events || h.head !== s.head) report('manifest', `stream ${s.streamId}`, `the manifest gives ${String(s.events)} events ending in ${String(s.head)}; the file has ${h.events} ending in ${h.head}`);
  }
  for (const id of heads.keys()) if (!listed.has(id)) report('manifest', `stream ${id}`, 'in the events, not in the manifest');

  // Recomputation, in the log's order.
  const assembly = new AssemblyCheck(report);
  const funds = new FundsCheck(report, assembly.decisions);
  const committee = new CommitteeCheck(report, assembly.decisions);
  const hiring = new HiringCheck(report, assembly.decisions);
  const residents = new ResidentsCheck(report);
  const community = new CommunityCheck(report);
  for (const e of events) {
    const recorded = { ...e, revision: BigInt(e.revision), position: BigInt(e.position) } as unknown as ProjectedEvent;
    try {
      assembly.apply(e, recorded);
      funds.apply(e);
      committee.apply(e);
      hiring.apply(e);
      residents.apply(e);
      community.apply(e, recorded);
    } catch (error) {
      report('format', recordOf(e), `cannot be recomputed: ${(error as Error).message}`);
    }
  }
  funds.finish();
  residents.finish();
  return {
    problems,
    compoundId: manifest.compoundId,
    counts: {
      events: events.length,
      streams: heads.size,
      motions: [...assembly.motions.values()].filter((m) => m.status !== 'none').length,
      ballots: assembly.ballots,
      results: assembly.results,
      decisions: assembly.decisions.size,
      fundEvents: funds.ledgerEvents,
      transfers: funds.transfers.size,
      committeeEvents: committee.events,
      contracts: [...hiring.contracts.values()].filter((c) => c.status !== 'none').length,
      heldBackReleases: hiring.releases,
      residentsItems: residents.items,
      jointEvents: community.jointEvents,
      disputeEvents: community.disputeEvents,
    },
    statistics: community.statistics(),
  };
}
