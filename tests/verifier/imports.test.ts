/**
 * The verifier stands apart from the server: following every import from verifier/ (type-only imports are
 * erased at run time and are followed too, to keep even the types honest), nothing outside verifier/, domain/,
 * projections/ and node's own modules is reached, except the projections' type-only import of the store's
 * event type, which names a shape and runs nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import t from 'tap';

const root = process.cwd();
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm;

t.test('verifier/ imports nothing of the server beyond domain/ and projections/', async (t) => {
  const seen = new Set<string>();
  const outside: string[] = [];
  const queue = readdirSync(join(root, 'verifier')).filter((f) => f.endsWith('.ts')).map((f) => join(root, 'verifier', f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[3] ?? m[4]!;
      const typeOnly = m[2] !== undefined;
      if (spec.startsWith('node:')) continue;
      if (!spec.startsWith('.')) {
        outside.push(`${relative(root, file)} imports the package ${spec}`);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      const top = relative(root, target).split('/')[0];
      if (top === 'verifier' || top === 'domain' || top === 'projections') queue.push(target);
      else if (!(typeOnly && top === 'services' && relative(root, file).startsWith('projections/') && relative(root, target) === 'services/store/port.ts')) outside.push(`${relative(root, file)} imports ${relative(root, target)}`);
    }
  }
  t.ok(seen.size > 10, `${seen.size} files followed`);
  t.same(outside, []);
});
