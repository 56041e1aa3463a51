/**
 * `cli backup <file>`: an online, consistent copy of DATA_DIR's log while the server runs (services/ops/backup.ts).
 * `cli restore <file> <newDataDir> [--keys-from <oldDataDir>]`: the copy into a new, empty data directory,
 * then every chain and the log tree verified on it (`cli verify`'s walk); a restore that does not verify is
 * removed again. Refusals are one line, exit 2.
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { BackupError, backupLog, EVENTS_FILE, restoreLog } from '../ops/backup.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { option, parseArgs } from './args.js';
import { verifyLog } from './verify.js';

export async function backupCommand(argv: string[], config: Pick<Config, 'dataDir' | 'eventStore'>): Promise<number> {
  const [target] = parseArgs(argv).positional;
  if (target === undefined) {
    console.error('usage: npm run cli -- backup <file>');
    return 2;
  }
  if (config.eventStore !== 'sqlite') {
    console.error('backup: EVENT_STORE=esdb: back EventStoreDB up with its own tools (the embedded store only here)');
    return 2;
  }
  try {
    const b = await backupLog(join(config.dataDir, EVENTS_FILE), target);
    console.log(`backup ok: ${b.file}: ${b.events} events, ${b.bytes} bytes; log tree of ${b.treeSize} events, root ${b.rootHash}`);
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`backup: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

export async function restoreCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [file, dataDir] = args.positional;
  if (file === undefined || dataDir === undefined) {
    console.error('usage: npm run cli -- restore <file> <newDataDir> [--keys-from <oldDataDir>]');
    return 2;
  }
  const keysFrom = option(args, 'keys-from');
  let restored;
  try {
    restored = restoreLog(file, dataDir, keysFrom !== undefined ? { keysFrom } : {});
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`restore: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const store = openSqliteStore(restored.file);
  let result;
  try {
    result = await verifyLog(store, { onProgress: (n) => process.stderr.write(`\rverified ${n} events`) });
  } finally {
    await store.close();
    process.stderr.write('\n');
  }
  if (result.problems.length > 0) {
    for (const p of result.problems) console.log(`BROKEN position ${p.position ?? '-'}: ${p.reason}: ${p.detail}`);
    // Leave the directory empty again, as it was: nothing half-restored is started by mistake.
    const dir = dirname(restored.file);
    for (const name of readdirSync(dir)) rmSync(join(dir, name), { force: true, recursive: true });
    console.log(`FAILED: the backup does not verify (${result.problems.length + result.moreProblems} problems); nothing restored`);
    return 1;
  }
  console.log(`restored ${result.events} events in ${result.streams} streams to ${restored.file}; every chain and the log tree verify (root ${result.tree.rootHash})`);
  console.log(
    restored.keys.length > 0
      ? `signing keys copied: ${restored.keys.join(', ')}`
      : 'no signing keys copied: the server creates new ones at start (old tokens stop working; heads signed before need --key with the old public key)',
  );
  console.log('the read database and platform.db are rebuilt from the log when the server starts on this directory');
  return 0;
}
