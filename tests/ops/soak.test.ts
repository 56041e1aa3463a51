/**
 * The short soak (bench:soak with 2 SIGKILLs over ~20 s): every acknowledged write survives each crash, every
 * chain verifies, every view equals a rebuild from the log, and the figures are printed.
 */
import t from 'tap';
import { soak } from '../../services/bench/soak.js';

t.test('bench:soak, short: 2 random SIGKILLs under a mixed load, 0 acknowledged writes lost', async (t) => {
  const lines: string[] = [];
  const result = await soak({ seconds: 20, kills: 2, connections: 16, units: 1000, log: (line) => lines.push(line) });
  t.comment(lines.join('\n'));
  t.equal(result.losses, 0, 'no acknowledged write lost');
  t.same(result.failures, [], 'every check after every restart passed');
  t.ok(result.acknowledged > 50, `${result.acknowledged} writes acknowledged`);
  t.equal(lines.filter((l) => /^kill \d+ at /.test(l)).length, 2, 'two kills, each followed by the checks');
  t.match(lines.join('\n'), /^baseline {2}GET \/v1\/keys \(no-op\)[^]*^mixed load, 16 clients[^]*p50 [\d.]+ ms, p99 [\d.]+ ms[^]*^acknowledged writes: \d+ .*losses: 0/m);
});
