/**
 * `cli verify`: walks the whole log in global order and checks
 * - every stream's hash chain (hashChain.ts): revisions without gaps, each prevHash the previous hash, each
 *   hash the hash of the event as stored;
 * - the log tree (logTree.ts): each event's leaf recomputed at its place in the global order against the leaf
 *   the store recorded when it appended it, which names the position where the order was changed (an event
 *   removed, moved or inserted) or where metadata outside the chain hash was edited;
 * - the root over the whole log against the store's tree head, and against any earlier signed heads given
 *   (`--head`): their signature, and that the log still begins with exactly the events they signed.
 * A row that cannot be decoded is a broken event at its position. Every problem names a position; exit 1 if
 * there is any.
 */
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Config } from '../config.js';
import { jwkToPublicKey, readLogPublicKey } from '../keys/logSigningKey.js';
import { canonicalJson, eventHash, GENESIS_HASH } from '../store/hashChain.js';
import { leafHash, LogFrontier, type TreeHead } from '../store/logTree.js';
import { MalformedEventError, type EventStore, type RecordedEvent } from '../store/port.js';
import { parseSignedTreeHead, signatureHolds, type SignedTreeHead } from '../store/signedHead.js';
import { parseArgs } from './args.js';

export type ProblemReason =
  /** The row's data or metadata cannot be decoded, or does not have an event's shape. */
  | 'malformed'
  | 'revision_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  /** The event's leaf differs from the one recorded at append: moved in the global order, or metadata edited. */
  | 'leaf_mismatch'
  /** The event is intact, but events before it were removed (or moved away), or inserted. */
  | 'order_changed'
  /** The tree over the first N events differs from a head's root. */
  | 'root_mismatch'
  /** A head covers more events than the log has. */
  | 'log_truncated'
  /** Events stand after the store's own head (written around the store's writer). */
  | 'uncovered_events'
  /** A signed head's signature does not hold (or its key is unknown). */
  | 'bad_signature';

export interface Problem {
  readonly reason: ProblemReason;
  /** The event's position; for a head, that of the last event it covers (absent when there is none). */
  readonly position?: bigint;
  readonly streamId?: string;
  readonly revision?: bigint;
  readonly detail: string;
}

export interface VerifyOptions {
  /** Earlier signed heads: each must be validly signed and a prefix of the log. */
  readonly heads?: readonly SignedTreeHead[];
  /** kid → public key, to check the signed heads. */
  readonly publicKeys?: ReadonlyMap<string, KeyObject>;
  readonly onProgress?: (events: number) => void;
  /** Problems listed before the rest are only counted (default 100). */
  readonly maxProblems?: number;
}

export interface VerifyResult {
  readonly events: number;
  readonly streams: number;
  /** The tree recomputed over the whole log as read. */
  readonly tree: TreeHead;
  /** The store's own head (read before the walk), or null where the store keeps no tree. */
  readonly storeHead: TreeHead | null;
  readonly problems: readonly Problem[];
  /** Problems beyond `maxProblems`, counted only. */
  readonly moreProblems: number;
}

const PAGE = 2000;

interface HeadCheck {
  readonly label: string;
  readonly treeSize: bigint;
  readonly rootHash: string;
}

export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyResult> {
  const maxProblems = options.maxProblems ?? 100;
  const problems: Problem[] = [];
  let moreProblems = 0;
  const report = (problem: Problem) => {
    if (problems.length < maxProblems) problems.push(problem);
    else moreProblems += 1;
  };

  const storeHead = store.treeHead ? await store.treeHead() : null;
  const checks: HeadCheck[] = [];
  if (storeHead) checks.push({ label: "the store's tree head", ...storeHead });
  for (const head of options.heads ?? []) {
    const label = `the signed head of ${head.timestamp} (${head.treeSize} events)`;
    if (!signatureHolds(head, options.publicKeys ?? new Map())) {
      const known = options.publicKeys?.has(head.keyId) ?? false;
      report({ reason: 'bad_signature', detail: `${label}: ${known ? 'the signature does not hold' : `no public key with kid ${head.keyId}`}` });
    }
    checks.push({ label, treeSize: BigInt(head.treeSize), rootHash: head.rootHash });
  }

  const tree = new LogFrontier();
  const streams = new Map<string, { revision: bigint; hash: string }>();
  // The leaf index at which the store appended the current event, minus where it stands now; nonzero once
  // events before it were removed or inserted. Reported where it changes, not at every event after.
  let shift = 0n;
  let lastPosition: bigint | undefined;
  let firstUncovered: bigint | undefined;
  const expectLeaves = store.treeHead !== undefined;

  const checkHeadsAt = (size: bigint) => {
    for (const check of checks) {
      if (check.treeSize !== size) continue;
      const root = tree.root().toString('hex');
      if (root !== check.rootHash) {
        report({
          reason: 'root_mismatch',
          ...(lastPosition === undefined ? {} : { position: lastPosition }),
          detail: `the tree over the first ${size} events${lastPosition === undefined ? '' : ` (through position ${lastPosition})`} has root ${root}; ${check.label} says ${check.rootHash}`,
        });
      }
    }
  };
  checkHeadsAt(0n);

  const leafFromHex = (hex: string | undefined) => (hex !== undefined && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(32));

  for await (const item of walk(store, options.onProgress)) {
    const index = BigInt(tree.size);
    if (item instanceof MalformedEventError) {
      report({ reason: 'malformed', position: item.position, streamId: item.streamId, revision: item.revision, detail: describeCause(item) });
      streams.set(item.streamId, { revision: item.revision, hash: item.stored.hash });
      tree.append(leafFromHex(item.stored.leafHash));
    } else {
      const e = item;
      const at = { position: e.position, streamId: e.streamId, revision: e.revision };
      let leaf: Buffer;
      try {
        const head = streams.get(e.streamId) ?? { revision: -1n, hash: GENESIS_HASH };
        const hash = eventHash(e.streamId, e.revision, e.prevHash, e);
        const metadataJson = canonicalJson(e.metadata);
        if (typeof e.metadata !== 'object' || e.metadata === null || Array.isArray(e.metadata)) throw new TypeError('metadata is not an object');
        leaf = leafHash(index, hash, undefined, metadataJson);
        if (e.revision !== head.revision + 1n) {
          report({ ...at, reason: 'revision_gap', detail: `revision ${e.revision} follows revision ${head.revision} of its stream` });
        } else if (e.prevHash !== head.hash) {
          report({ ...at, reason: 'prev_hash_mismatch', detail: 'its prevHash is not the hash of the previous event of its stream' });
        } else if (hash !== e.hash) {
          report({ ...at, reason: 'hash_mismatch', detail: 'its stored hash is not the hash of the event as stored (data, type, id or metadata changed)' });
        } else {
          const placed = leafPlace(e, index, shift, leaf, hash, metadataJson);
          if (placed === 'missing') {
            if (expectLeaves) report({ ...at, reason: 'leaf_mismatch', detail: 'no log-tree leaf was recorded with this event' });
          } else if (placed === 'unknown') {
            report({
              ...at,
              reason: 'leaf_mismatch',
              detail: 'its recorded log-tree leaf does not match: it was moved in the global order, or its metadata was changed',
            });
          } else if (index - placed !== shift) {
            const change = index - placed - shift;
            shift = index - placed;
            report({
              ...at,
              reason: 'order_changed',
              detail:
                change < 0n
                  ? `${-change} event(s) before it are missing from the global order (removed, or moved later)`
                  : `${change} event(s) before it were not in the log when it was appended (inserted, or moved earlier)`,
            });
          }
        }
        streams.set(e.streamId, { revision: e.revision, hash: e.hash });
      } catch (error) {
        report({ ...at, reason: 'malformed', detail: `cannot be checked: ${error instanceof Error ? error.message : String(error)}` });
        streams.set(e.streamId, { revision: e.revision, hash: typeof e.hash === 'string' ? e.hash : '' });
        leaf = leafFromHex(e.leafHash);
      }
      tree.append(leaf);
    }
    lastPosition = item.position;
    if (storeHead && BigInt(tree.size) === storeHead.treeSize + 1n) firstUncovered = item.position;
    checkHeadsAt(BigInt(tree.size));
  }

  const size = BigInt(tree.size);
  for (const check of checks) {
    if (check.treeSize <= size) continue;
    report({
      reason: 'log_truncated',
      ...(lastPosition === undefined ? {} : { position: lastPosition }),
      detail: `${check.label} covers ${check.treeSize} events; the log has ${size}: events after ${lastPosition === undefined ? 'the start' : `position ${lastPosition}`} are missing`,
    });
  }
  if (storeHead && firstUncovered !== undefined && store.treeHead) {
    // Appends while we walked are not a problem: only if the store's head still does not cover them.
    const now = await store.treeHead();
    if (now.treeSize < size) {
      report({
        reason: 'uncovered_events',
        position: firstUncovered,
        detail: `the store's tree head covers ${now.treeSize} events; the log has ${size}, the first not covered at position ${firstUncovered}`,
      });
    }
  }
  return { events: tree.size, streams: streams.size, tree: tree.head(), storeHead, problems, moreProblems };
}

/**
 * Where the store appended this event, as a leaf index: the index it stands at now if its recorded leaf
 * matches there; else the index the leaf was computed for, found among the likely ones (its position - 1,
 * true of every SQLite and memory log as written; or the current shift, give or take one). 'unknown' when
 * none matches, 'missing' when the store recorded no leaf.
 */
function leafPlace(e: RecordedEvent, index: bigint, shift: bigint, leaf: Buffer, hash: string, metadataJson: string): bigint | 'missing' | 'unknown' {
  if (e.leafHash === undefined) return 'missing';
  if (e.leafHash === leaf.toString('hex')) return index;
  const tried = new Set<bigint>([index]);
  for (const candidate of [e.position - 1n, index - shift, index - shift + 1n, index - shift - 1n]) {
    if (candidate < 0n || tried.has(candidate)) continue;
    tried.add(candidate);
    if (leafHash(candidate, hash, undefined, metadataJson).toString('hex') === e.leafHash) return candidate;
  }
  return 'unknown';
}

function describeCause(error: MalformedEventError): string {
  const cause = error.cause instanceof Error ? error.cause.message : 'cannot be decoded';
  return `the row cannot be decoded: ${cause}`;
}

/**
 * The log in global order, page by page. A page holding an undecodable row is read again one event at a
 * time up to that row, which comes out as its MalformedEventError; then paging resumes after it.
 */
async function* walk(store: EventStore, onProgress?: (events: number) => void): AsyncGenerator<RecordedEvent | MalformedEventError> {
  let after = 0n;
  let count = 0;
  for (;;) {
    let page: RecordedEvent[];
    try {
      page = await store.readAll({ after, maxCount: PAGE });
    } catch (error) {
      if (!(error instanceof MalformedEventError)) throw error;
      for (;;) {
        try {
          const [one] = await store.readAll({ after, maxCount: 1 });
          if (!one) return;
          yield one;
          after = one.position;
          count += 1;
        } catch (single) {
          if (!(single instanceof MalformedEventError)) throw single;
          yield single;
          after = single.position;
          count += 1;
          break;
        }
      }
      continue;
    }
    for (const e of page) yield e;
    count += page.length;
    onProgress?.(count);
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.position;
  }
}

/** Text or a file holding it. */
function textOrFile(value: string): string {
  return value.trimStart().startsWith('{') || !existsSync(value) ? value : readFileSync(value, 'utf8');
}

/** `verify [--head <file|json>]... [--key <file|json>]...`: prints the problems and a summary; the exit code. */
export async function verifyCommand(argv: string[], config: Pick<Config, 'dataDir'>, store: EventStore): Promise<number> {
  const args = parseArgs(argv);
  let heads: SignedTreeHead[];
  const publicKeys = new Map<string, KeyObject>();
  try {
    heads = (args.options.get('head') ?? []).map((h) => parseSignedTreeHead(textOrFile(h)));
    for (const k of args.options.get('key') ?? []) {
      const parsed = JSON.parse(textOrFile(k)) as { keys?: unknown[] } & Record<string, string>;
      for (const jwk of (parsed.keys ?? [parsed]) as Array<{ kid: string; kty: string; crv: string; x: string }>) publicKeys.set(jwk.kid, jwkToPublicKey(jwk));
    }
  } catch (error) {
    console.error(`verify: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const own = readLogPublicKey(config.dataDir);
  if (own) publicKeys.set(own.keyId, own.publicKey);

  const result = await verifyLog(store, { heads, publicKeys, onProgress: (n) => process.stderr.write(`\rchecked ${n} events`) });
  process.stderr.write('\n');
  for (const p of result.problems) {
    const where = p.position === undefined ? '' : ` position ${p.position}`;
    const event = p.streamId === undefined ? '' : ` (stream ${p.streamId} revision ${p.revision})`;
    console.log(`BROKEN${where}${event}: ${p.reason}: ${p.detail}`);
  }
  if (result.moreProblems > 0) console.log(`... and ${result.moreProblems} more problems`);
  const tree = `log tree of ${result.tree.treeSize} events, root ${result.tree.rootHash}`;
  if (result.problems.length > 0) {
    console.log(`FAILED: ${result.problems.length + result.moreProblems} problems in ${result.events} events; ${tree}`);
    return 1;
  }
  console.log(`ok: ${result.events} events in ${result.streams} streams, every hash chain intact; ${tree}`);
  if (result.storeHead) console.log("the store's tree head matches");
  for (const h of heads) console.log(`the signed head of ${h.timestamp} (${h.treeSize} events): signature valid, the log begins with it`);
  return 0;
}
