/** `npm run cli -- <command>`: operator tools. Each command's usage is printed when called without arguments. */
import { ConfigError, loadConfig } from '../config.js';
import { openEventStore } from '../runtime.js';
import { backupCommand, restoreCommand } from './backup.js'; // ops
import { copyCommand } from './copy.js';
import { exportCommand } from './export.js';
import { importUnitsCommand } from './importUnits.js';
import { tokenCommand } from './token.js';
import { rotateKeyCommand } from './rotateKey.js'; // trust17
import { verifyCommand } from './verify.js';

const usage = `usage: npm run cli -- <command>
  token --sub <personId> --grant <grant> [--grant ...] [--ttl seconds]
                                                         print a bearer token (last line), signed with the
                                                         server's key in DATA_DIR (or JWT_SECRET)
  verify [--head <file|json>]... [--key <file|json>]     check every hash chain, the log tree, earlier signed heads
  import-units <compoundId> <file.csv> [--url URL] [--token T] [--batch N]
                                                         import units through the running API
  export <compoundId> <file>                             the compound's log, pseudonymised and signed (check it
                                                         with npm run verify-export -- <file>)
  copy --from <store> --to <store>                       copy the whole log (sqlite:<dir> | memory | esdb://...)
  rebuild                                                drop the read database; the server replays it at start
  backup <file>                                          an online, consistent copy of the log (the server may run)
  restore <file> <newDataDir> [--keys-from <oldDataDir>] the copy into a new, empty data directory, verified
  rotate-key [--overlap-hours N]                         a new token signing key; the old one verifies N more
                                                         hours (default JWT_KEY_OVERLAP_HOURS; 0: retired now)`;

/** A failure as one clear line, never a stack: the file, the server or the setting that is wrong. */
function oneLine(error: unknown): string {
  if (error instanceof ConfigError) return error.problems.map((p) => `configuration error: ${p}`).join('\n');
  const e = error as { code?: string; path?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.code === 'ENOENT') return `no such file: ${e.path ?? e.message}`;
  if (e.code === 'EACCES') return `not allowed to read: ${e.path ?? e.message}`;
  const cause = e.cause?.code ?? '';
  if (cause === 'ECONNREFUSED' || cause === 'ENOTFOUND' || cause === 'ECONNRESET' || e.message === 'fetch failed') {
    return `cannot reach the server (${cause || 'fetch failed'}): is it running, and is --url right?`;
  }
  return `error: ${e.message ?? String(error)}`;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'token':
      return tokenCommand(rest, config);
    case 'verify': {
      const store = await openEventStore(config);
      try {
        return await verifyCommand(rest, config, store);
      } finally {
        await store.close();
      }
    }
    case 'export': {
      const store = await openEventStore(config);
      try {
        return await exportCommand(rest, config, store);
      } finally {
        await store.close();
      }
    }
    case 'import-units':
      return importUnitsCommand(rest, config);
    case 'copy':
      return copyCommand(rest);
    // ops: backups
    case 'backup':
      return backupCommand(rest, config);
    case 'restore':
      return restoreCommand(rest);
    case 'rotate-key': // trust17
      return rotateKeyCommand(rest, config);
    case 'rebuild': {
      const { rmSync } = await import('node:fs');
      const { join } = await import('node:path');
      for (const f of ['read.db', 'read.db-wal', 'read.db-shm']) rmSync(join(config.dataDir, f), { force: true });
      console.log('read database dropped; it is rebuilt from the log when the server starts');
      return 0;
    }
    default:
      console.error(usage);
      return command === undefined || command === 'help' ? 0 : 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(oneLine(error));
    process.exit(1);
  },
);
