/**
 * Backups of the log and restores from them (`cli backup`, `cli restore`).
 *
 * A backup is a copy of `events.db` taken with SQLite's online backup API (better-sqlite3 `db.backup()`) on a
 * connection of its own, while the server keeps writing. The whole copy is one backup step, i.e. one read
 * transaction: in WAL mode the writer goes on committing meanwhile, and the copy is the log exactly as it
 * stood when the step began (a step-by-step copy would restart at every commit of another connection, and
 * under steady writes might never end). The copy is written beside the target, checked (integrity, schema,
 * the log tree's size against the rows) and fsynced, then renamed into place: a backup file that exists is
 * whole.
 *
 * Only the log is backed up. Everything else in DATA_DIR is derived or a secret: the read database is rebuilt
 * from the log at start, `platform.db` (reactor checkpoints, deadlines) is rebuilt by replaying the log (the
 * reactors' commands are idempotent), and the signing keys are secrets to keep apart (README, Operations).
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../store/sqlite/schema.js';

/** The log's file name inside a data directory. */
export const EVENTS_FILE = 'events.db';
/** The key files a restore may carry over from the old data directory (`--keys-from`). */
export const KEY_FILES = ['jwt-signing.key', 'jwt-previous.keys' /* trust17: keys still verifying after a rotation */, 'log-signing.key'] as const;

/** A refusal the CLI prints as one line (exit 2). */
export class BackupError extends Error {}

export interface BackupSummary {
  readonly file: string;
  readonly events: bigint;
  readonly treeSize: bigint;
  readonly rootHash: string;
  readonly bytes: number;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens an event-store file read-only and checks it is one this build knows. */
function openLogFile(file: string): Database.Database {
  if (!existsSync(file)) throw new BackupError(`no log at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasEvents = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'events'").get() !== undefined;
    if (!hasEvents) throw new BackupError(`${file} is not an event-store file (no events table)`);
    if (version > SCHEMA_VERSION) throw new BackupError(`${file} has schema version ${version}; this build knows up to ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof BackupError ? error : new BackupError(`${file} is not a readable SQLite file: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Checks a copied file and makes it self-contained (rollback journal, no WAL beside it). */
function checkCopy(file: string): Omit<BackupSummary, 'file' | 'bytes'> {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`the copy failed SQLite's integrity check: ${String(integrity)}`);
    const events = db.prepare('SELECT count(*) AS n FROM events').safeIntegers(true).get() as { n: bigint };
    const tree = db.prepare('SELECT tree_size, root_hash FROM log_tree WHERE id = 1').safeIntegers(true).get() as { tree_size: bigint; root_hash: Buffer } | undefined;
    if (!tree) return { events: events.n, treeSize: -1n, rootHash: '' };
    // The writer updates the tree in the same transaction as the rows: a consistent copy has one leaf per row.
    if (tree.tree_size !== events.n) throw new BackupError(`the copy is not consistent: ${events.n} events but a log tree of ${tree.tree_size}`);
    return { events: events.n, treeSize: tree.tree_size, rootHash: tree.root_hash.toString('hex') };
  } finally {
    db.close();
  }
}

/**
 * Copies `sourceFile` (a live event-store file) to `target`, online. Refuses to overwrite a file. The copy
 * goes to `<target>.partial` first and is renamed once checked and fsynced.
 */
export async function backupLog(sourceFile: string, target: string): Promise<BackupSummary> {
  const file = resolve(target);
  if (existsSync(file)) throw new BackupError(`${file} exists: a backup never overwrites a file`);
  if (!existsSync(dirname(file))) throw new BackupError(`no such directory: ${dirname(file)}`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const source = openLogFile(sourceFile);
  try {
    // The first step (0 pages) starts the backup; the progress callback then asks for every page at once, so
    // the copy is made in one step: one read transaction, one consistent snapshot (see the module comment).
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
  try {
    const summary = checkCopy(partial);
    fsyncPath(partial);
    renameSync(partial, file);
    fsyncPath(dirname(file));
    return { file, ...summary, bytes: statSync(file).size };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Restores a backup into a new data directory: it must not exist or be empty. The log goes to
 * `<dataDir>/events.db`; with `keysFrom`, the signing keys of that (old) data directory are copied too.
 * The caller verifies the restored log (`verifyLog`) and removes the directory's contents if it fails.
 */
export function restoreLog(backupFile: string, dataDir: string, options: { keysFrom?: string } = {}): { file: string; keys: string[] } {
  const dir = resolve(dataDir);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) throw new BackupError(`${dir} is not a directory`);
    if (readdirSync(dir).length > 0) throw new BackupError(`${dir} is not empty: restore into a new, empty data directory`);
  }
  const keysFrom = options.keysFrom === undefined ? undefined : resolve(options.keysFrom);
  if (keysFrom !== undefined && !existsSync(keysFrom)) throw new BackupError(`no such directory: ${keysFrom}`);
  // Checked before anything is written: a file that is not a log leaves the directory as it was.
  openLogFile(resolve(backupFile)).close();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, EVENTS_FILE);
  copyFileSync(resolve(backupFile), file);
  checkCopy(file);
  fsyncPath(file);
  const keys: string[] = [];
  for (const name of keysFrom === undefined ? [] : KEY_FILES) {
    const from = join(keysFrom!, name);
    if (!existsSync(from)) continue;
    copyFileSync(from, join(dir, name));
    keys.push(name);
  }
  fsyncPath(dir);
  return { file, keys };
}
