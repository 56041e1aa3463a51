// Reads tap's output and prints the plain line CI understands: `N passed, N failed[, N skipped]`.
// tap's own closing line is `# { total: N, pass: N, fail: N, skip: N }`.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
const matches = [...text.matchAll(/^# \{ (total: \d+[^}]*) \}$/gm)];
const last = matches.at(-1);
if (!last) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const counts = Object.fromEntries(
  last[1].split(', ').map((kv) => {
    const [k, v] = kv.split(': ');
    return [k, Number(v)];
  }),
);
const skipped = (counts.skip ?? 0) + (counts.todo ?? 0);
console.log(`${counts.pass ?? 0} passed, ${counts.fail ?? 0} failed${skipped ? `, ${skipped} skipped` : ''}`);
