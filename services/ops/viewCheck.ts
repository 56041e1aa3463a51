/**
 * "Every view equals a rebuild from the log": projects a store file's whole log into a fresh, temporary read
 * database with every projection of the app, and compares it, document by document (and the idempotency
 * index, entry by entry), with a live read database that has applied the same log. Used after a restore and
 * by the soak benchmark after each crash; the live database must be idle and caught up with the log's head.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { allProjections, eventSchemas } from '../contexts.js';
import { openReadStore } from '../projections/readStore.js';
import { startProjectionRunner } from '../projections/runner.js';
import { withEventSchemas } from '../store/eventSchemaStore.js';
import { openSqliteEventReader } from '../store/sqlite/eventReader.js';

export interface ViewComparison {
  /** The log's head the rebuild went to. */
  readonly head: bigint;
  /** The least checkpoint of the live read database. */
  readonly liveAt: bigint;
  readonly documents: number;
  readonly commands: number;
  /** What differs (at most `maxDifferences`, then a count); empty when the views are equal. */
  readonly differences: readonly string[];
}

type Row = readonly [key: string, value: string];

function dump(file: string): { docs: Row[]; commands: Row[]; checkpoint: bigint } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const docs = db
      .prepare<[], { collection: string; id: string; parent: string | null; sort_key: string | null; doc: string; projection: string }>(
        'SELECT collection, id, parent, sort_key, doc, projection FROM docs ORDER BY collection, id',
      )
      .all()
      .map((r): Row => [`${r.collection} ${r.id}`, JSON.stringify([r.parent, r.sort_key, r.projection, r.doc])]);
    const commands = db
      .prepare<[], { command_id: string; request_hash: string; stream_id: string; first_revision: number; count: number; position: number }>(
        'SELECT command_id, request_hash, stream_id, first_revision, count, position FROM commands ORDER BY command_id',
      )
      .all()
      .map((r): Row => [r.command_id, JSON.stringify([r.request_hash, r.stream_id, r.first_revision, r.count, r.position])]);
    const positions = db.prepare<[], { position: string }>('SELECT position FROM projections').all().map((r) => BigInt(r.position));
    const commandsAt = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'commands'").get();
    const checkpoint = [...positions, BigInt(commandsAt?.value ?? '0')].reduce((min, p) => (p < min ? p : min), positions[0] ?? 0n);
    return { docs, commands, checkpoint };
  } finally {
    db.close();
  }
}

function diff(label: string, live: readonly Row[], rebuilt: readonly Row[], out: string[], max: number): void {
  let i = 0;
  let j = 0;
  const note = (s: string) => {
    if (out.length < max) out.push(s);
    else out[max] = `... and more`;
  };
  while (i < live.length || j < rebuilt.length) {
    const a = live[i];
    const b = rebuilt[j];
    if (b === undefined || (a !== undefined && a[0] < b[0])) {
      note(`${label} ${a![0]}: in the live read database only`);
      i++;
    } else if (a === undefined || b[0] < a[0]) {
      note(`${label} ${b[0]}: in the rebuild only`);
      j++;
    } else {
      if (a[1] !== b[1]) note(`${label} ${a[0]}: differs from the rebuild`);
      i++;
      j++;
    }
  }
}

/** Rebuilds `eventsFile`'s read model in a temporary file and compares it with `liveReadFile`. */
export async function compareWithRebuild(eventsFile: string, liveReadFile: string, options: { maxDifferences?: number; timeoutMs?: number } = {}): Promise<ViewComparison> {
  const max = options.maxDifferences ?? 20;
  const dir = mkdtempSync(join(tmpdir(), 'cg-rebuild-'));
  const reader = openSqliteEventReader(eventsFile);
  try {
    const head = await reader.headPosition();
    const rebuiltFile = join(dir, 'read.db');
    const read = openReadStore(rebuiltFile);
    const runner = startProjectionRunner(withEventSchemas(reader, eventSchemas), read, allProjections);
    try {
      if (!(await runner.waitFor(head, options.timeoutMs ?? 120_000))) throw new Error(`the rebuild did not reach position ${head}`);
    } finally {
      await runner.close();
      await read.close();
    }
    const live = dump(liveReadFile);
    const rebuilt = dump(rebuiltFile);
    const differences: string[] = [];
    if (live.checkpoint !== head) differences.push(`the live read database is at position ${live.checkpoint}, the log's head at ${head}`);
    diff('document', live.docs, rebuilt.docs, differences, max);
    diff('command', live.commands, rebuilt.commands, differences, max);
    return { head, liveAt: live.checkpoint, documents: rebuilt.docs.length, commands: rebuilt.commands.length, differences };
  } finally {
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
