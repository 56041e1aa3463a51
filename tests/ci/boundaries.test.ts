/**
 * The import-boundary check (`npm run check:boundaries`, .dependency-cruiser.cjs): clean on this tree, and
 * failing, rule by rule, on a copy of the tree with forbidden imports planted in it.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const depcruise = join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const config = join(repo, '.dependency-cruiser.cjs');

function check(cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [depcruise, 'domain', 'projections', 'services', '--config', config], { cwd }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: stdout + stderr });
    });
  });
}

/** The source folders, tsconfig and node_modules (linked) in a temp directory, removed after the test. */
function copyOfTree(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-boundaries-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const folder of ['domain', 'projections', 'services']) cpSync(join(repo, folder), join(dir, folder), { recursive: true });
  cpSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

t.test('the tree as it is passes', async (t) => {
  const { code, output } = await check(repo);
  t.equal(code, 0, output);
  t.match(output, /no dependency violations found/);
});

t.test('each forbidden import, planted in a copy of the tree, fails the check', async (t) => {
  const dir = copyOfTree(t);

  // The copy passes before anything is planted.
  const clean = await check(dir);
  t.equal(clean.code, 0, clean.output);

  const plant = (file: string, text: string) => writeFileSync(join(dir, file), text);
  plant('domain/assembly/plantedStore.ts', "import type { EventStore } from '../../services/store/port.js';\nexport type S = EventStore;\n");
  plant('projections/assembly/plantedClock.ts', "import { systemClock } from '../../services/clock.js';\nexport const c = systemClock;\n");
  plant('services/assembly/plantedInternal.ts', "import { decide } from '../../domain/registry/decide.js';\nexport const d = decide;\n");
  plant('domain/shared/plantedCycleA.ts', "import { b } from './plantedCycleB.js';\nexport const a = (): number => b() + 1;\n");
  plant('domain/shared/plantedCycleB.ts', "import { a } from './plantedCycleA.js';\nexport const b = (): number => a() - 1;\n");

  const { code, output } = await check(dir);
  t.not(code, 0, 'the check fails');
  t.match(output, /domain-is-pure: domain\/assembly\/plantedStore\.ts → services\/store\/port\.ts/);
  t.match(output, /projections-are-pure: projections\/assembly\/plantedClock\.ts → services\/clock\.ts/);
  t.match(output, /context-internals: services\/assembly\/plantedInternal\.ts → domain\/registry\/decide\.ts/);
  t.match(output, /no-cycles: domain\/shared\/plantedCycleA\.ts → /);
  t.match(output, /x 4 dependency violations/, 'one per rule, nothing else');
});

t.test("a context may use another context's published surface", async (t) => {
  const dir = copyOfTree(t);
  writeFileSync(join(dir, 'services/assembly/plantedSurface.ts'), "import { electorate } from '../../domain/registry/index.js';\nexport const e = electorate;\n");
  writeFileSync(join(dir, 'projections/assembly/plantedKernel.ts'), "import { assertNever } from '../../domain/shared/decider.js';\nexport const n = assertNever;\n");
  const { code, output } = await check(dir);
  t.equal(code, 0, output);
});
