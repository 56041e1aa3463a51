/**
 * Child process of tests/projections/fastRebuild.test.ts, killed with SIGKILL during a bulk rebuild.
 *
 *   node --import tsx tests/support/rebuildKillWorker.ts <eventsFile> <readFile>
 *
 * Rebuilds the read database from zero on the projection thread (the counting projections, pages of 50) and
 * prints each position applied as it learns of it; the parent kills it between two.
 */
import { startThreadedProjectionRunner } from '../../services/projections/threadedRunner.js';

const [eventsFile, readFile] = process.argv.slice(2);
if (!eventsFile || !readFile) {
  console.error('usage: rebuildKillWorker.ts <eventsFile> <readFile>');
  process.exit(2);
}
const projections = { module: new URL('./countingProjections.ts', import.meta.url).href, exportName: 'countingProjections' };
const runner = await startThreadedProjectionRunner({ eventsFile, readFile, commits: () => () => {}, projections, tuning: { pageEvents: 50, pipelineEvents: 10, backlogEvents: 100 } });
let last = -1n;
setInterval(() => {
  const p = runner.position();
  if (p !== last) {
    last = p;
    console.log(String(p));
  }
}, 1);
