/**
 * Child process of tests/platform/reactorCrash.test.ts.
 *
 *   node --import tsx tests/support/reactorCrashWorker.ts <dir> crash|resume
 *
 * Runs the effect reactor (tests/support/effectReactor.ts) over the SQLite store `<dir>/events.db` with its
 * checkpoint in `<dir>/platform.db`.
 * - `crash`: once a command is appended (durably) and before the checkpoint moves past its event, prints
 *   `appended <commandId> <checkpoint>` and stalls, for the parent to SIGKILL it right there.
 * - `resume`: prints `start <checkpoint>`, runs until the reactor has reached the head of the log, prints
 *   `done <status JSON>` and exits.
 */
import { join } from 'node:path';
import { manualClock } from '../../services/clock.js';
import { openPlatformDb } from '../../services/platform/platformDb.js';
import { startReactors } from '../../services/platform/reactorRunner.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { effectReactor } from './effectReactor.js';

const [dir, mode] = process.argv.slice(2);
if (!dir || (mode !== 'crash' && mode !== 'resume')) {
  console.error('usage: reactorCrashWorker.ts <dir> crash|resume');
  process.exit(2);
}
const store = openSqliteStore(join(dir, 'events.db'));
const db = openPlatformDb(join(dir, 'platform.db'));
const clock = manualClock(new Date('2026-03-02T02:00:00Z'));

if (mode === 'crash') {
  startReactors([effectReactor(store)], {
    store,
    checkpoints: db,
    clock,
    afterCommand(_reactor, commandId) {
      process.stdout.write(`appended ${commandId} ${db.checkpoint('effects')}\n`);
      return new Promise<void>(() => {}); // never: the kill lands between the command and the checkpoint
    },
  });
} else {
  process.stdout.write(`start ${db.checkpoint('effects')}\n`);
  const runner = startReactors([effectReactor(store)], { store, checkpoints: db, clock });
  if (!(await runner.waitFor('effects', await store.headPosition(), 10_000))) {
    console.error('resume did not reach the head');
    process.exit(1);
  }
  const status = runner.status()[0];
  await runner.close();
  db.close();
  await store.close();
  process.stdout.write(`done ${JSON.stringify(status)}\n`);
}
