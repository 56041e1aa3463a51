/**
 * README's "Error codes" list, the typed catalogues (every `domain/<context>/errors.ts`, and
 * `services/api/errorCodes.ts` for what the HTTP layer and the platform raise) and the codes the source raises
 * agree: each catalogue has its bullet in the README listing exactly its codes with their HTTP statuses; one code
 * has one status across catalogues; and every code the source raises by literal (`new HttpProblem(status, 'code'`,
 * `sendProblem(reply, status, 'code'`, `invalid|forbidden|notFound|conflict('code'`, `{ error: kind, code }`) is
 * in a catalogue with the status it is raised with. Failures list the exact differences.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import t from 'tap';
import { apiErrorCodes } from '../../services/api/errorCodes.js';
import { statusOfKind } from '../../services/api/problem.js';
import type { DomainErrorKind } from '../../domain/shared/errors.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type Catalogue = ReadonlyMap<string, number>;

/** Every catalogue by its file (relative to the repo): code → HTTP status. */
async function catalogues(): Promise<Map<string, Catalogue>> {
  const found = new Map<string, Catalogue>();
  for (const context of readdirSync(join(repo, 'domain')).sort()) {
    const file = join(repo, 'domain', context, 'errors.ts');
    if (context === 'shared' || !exists(file)) continue; // shared/errors.ts: the helpers, no catalogue
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const tables = Object.entries(module).filter(([name]) => name.endsWith('ErrorCodes'));
    if (tables.length !== 1) throw new Error(`${relative(repo, file)} exports ${tables.length} *ErrorCodes catalogues, not one`);
    const codes = tables[0]![1] as Record<string, DomainErrorKind>;
    found.set(relative(repo, file), new Map(Object.entries(codes).map(([code, kind]) => [code, statusOfKind[kind]])));
  }
  found.set('services/api/errorCodes.ts', new Map(Object.entries(apiErrorCodes)));
  return found;
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

interface ReadmeList {
  readonly bullets: Map<string, Map<string, number>>;
  readonly problems: string[];
}

/**
 * The README's "### Error codes" section: bullets `- **Context** (`path/errors.ts`): 400 `a`, `b`; 409 `c`.`,
 * possibly wrapped over lines. A three-digit number outside backticks sets the status of the codes after it.
 */
function parseReadmeList(readme: string): ReadmeList {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.trim() === '### Error codes');
  const problems: string[] = [];
  const bullets = new Map<string, Map<string, number>>();
  if (start < 0) return { bullets, problems: ['README has no "### Error codes" section'] };
  const end = lines.findIndex((l, i) => i > start && /^#{1,3} /.test(l));
  const section = lines.slice(start + 1, end < 0 ? undefined : end);
  const items: string[] = [];
  for (const line of section) {
    if (line.startsWith('- ')) items.push(line);
    else if (line.startsWith('  ') && items.length > 0 && line.trim() !== '') items[items.length - 1] += ` ${line.trim()}`;
  }
  for (const item of items) {
    const path = /^- \*\*[^*]+\*\* \(`([^`]+)`\):/.exec(item)?.[1];
    if (!path) {
      problems.push(`a bullet names no catalogue as "- **Context** (\`path\`):": ${item.slice(0, 60)}`);
      continue;
    }
    const codes = bullets.get(path) ?? new Map<string, number>();
    bullets.set(path, codes);
    let status: number | undefined;
    const body = item.slice(item.indexOf('):') + 2);
    for (const m of body.matchAll(/`([^`]*)`|\b(\d{3})\b/g)) {
      const [number, code] = [m[2], m[1]];
      if (number !== undefined) status = Number(number);
      else if (code !== undefined && /^[a-z][a-z0-9_]*$/.test(code)) {
        if (status === undefined) problems.push(`${path}: \`${code}\` comes before any status`);
        else if (codes.has(code) && codes.get(code) !== status) problems.push(`${path}: \`${code}\` listed with ${codes.get(code)} and ${status}`);
        else codes.set(code, status);
      }
    }
  }
  return { bullets, problems };
}

/** The codes the source raises by literal, with the status each is raised with: "code status" → where. */
function raisedInSource(): Map<string, string[]> {
  const kinds: Record<string, number> = { invalid: 400, forbidden: 403, notFound: 404, not_found: 404, conflict: 409 };
  const patterns: readonly [RegExp, (m: RegExpMatchArray) => [string, number]][] = [
    [/new HttpProblem\((\d{3}), '([a-z0-9_]+)'/g, (m) => [m[2]!, Number(m[1])]],
    [/sendProblem\(reply, (\d{3}), '([a-z0-9_]+)'/g, (m) => [m[2]!, Number(m[1])]],
    [/\[(\d{3}), '([a-z0-9_]+)'/g, (m) => [m[2]!, Number(m[1])]],
    [/\b(invalid|forbidden|notFound|conflict)\('([a-z0-9_]+)'/g, (m) => [m[2]!, kinds[m[1]!]!]],
    [/error: '(invalid|forbidden|not_found|conflict)', code: '([a-z0-9_]+)'/g, (m) => [m[2]!, kinds[m[1]!]!]],
  ];
  const raised = new Map<string, string[]>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(path, 'utf8');
        for (const [pattern, read] of patterns) {
          for (const m of source.matchAll(pattern)) {
            const [code, status] = read(m);
            const key = `${code} ${status}`;
            raised.set(key, [...(raised.get(key) ?? []), relative(repo, path)]);
          }
        }
      }
    }
  };
  for (const folder of ['domain', 'projections', 'services']) walk(join(repo, folder));
  return raised;
}

t.test('every catalogue has its README bullet, listing exactly its codes with their statuses', async (t) => {
  const all = await catalogues();
  const { bullets, problems } = parseReadmeList(readFileSync(join(repo, 'README.md'), 'utf8'));
  t.same(problems, [], 'the list parses');
  const differences: string[] = [];
  for (const [file, codes] of all) {
    const listed = bullets.get(file);
    if (!listed) {
      differences.push(`${file}: no bullet in README's Error codes`);
      continue;
    }
    for (const [code, status] of codes) {
      if (!listed.has(code)) differences.push(`${file}: ${code} (${status}) is not in README`);
      else if (listed.get(code) !== status) differences.push(`${file}: ${code} is ${status}, README says ${listed.get(code)}`);
    }
    for (const [code, status] of listed) if (!codes.has(code)) differences.push(`${file}: README lists ${code} (${status}), the catalogue has no such code`);
  }
  for (const file of bullets.keys()) if (!all.has(file)) differences.push(`README has a bullet for ${file}, which is no catalogue`);
  t.same(differences, [], 'README and the catalogues agree');
});

t.test('one code, one status across the catalogues', async (t) => {
  const statuses = new Map<string, Set<string>>();
  for (const [file, codes] of await catalogues()) {
    for (const [code, status] of codes) statuses.set(code, new Set([...(statuses.get(code) ?? []), `${status} (${file})`]));
  }
  const split = [...statuses].filter(([, s]) => new Set([...s].map((x) => x.slice(0, 3))).size > 1).map(([code, s]) => `${code}: ${[...s].join(', ')}`);
  t.same(split, [], 'no code has two statuses');
});

t.test('every code the source raises is in a catalogue, with the status it is raised with', async (t) => {
  const known = new Map<string, number>();
  for (const codes of (await catalogues()).values()) for (const [code, status] of codes) known.set(code, status);
  const differences: string[] = [];
  for (const [key, files] of raisedInSource()) {
    const [code, raisedAs] = key.split(' ') as [string, string];
    const status = known.get(code);
    const where = [...new Set(files)].join(', ');
    if (status === undefined) differences.push(`${code} (${raisedAs}, ${where}) is in no catalogue`);
    else if (status !== Number(raisedAs)) differences.push(`${code} is raised as ${raisedAs} in ${where}, catalogued as ${status}`);
  }
  t.same(differences.sort(), [], 'the source raises only catalogued codes');
  t.ok(raisedInSource().size > 50, 'the scan finds the raised codes');
});

t.test('the README parser reads statuses, wrapped lines and strays', async (t) => {
  const { bullets, problems } = parseReadmeList(
    ['# x', '### Error codes', 'Intro with `code` outside a bullet.', '- **A** (`a.ts`): 400 `x`, `y`; 409', '  `z` (a note, `not/a_code`).', '- **B** (`b.ts`): `w` 404 `v`', '- no path', '## Next', '- **C** (`c.ts`): 400 `q`'].join('\n'),
  );
  t.same(Object.fromEntries([...bullets].map(([k, v]) => [k, Object.fromEntries(v)])), { 'a.ts': { x: 400, y: 400, z: 409 }, 'b.ts': { v: 404 } });
  t.equal(problems.length, 2, problems.join('; '));
});
