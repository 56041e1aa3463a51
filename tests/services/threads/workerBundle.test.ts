/**
 * A worker thread started from source with its module graph bundled (#18, services/threads/workerBundle.ts):
 * it runs the module's current code, each module keeps its own `import.meta.url`, the bundle is reused while
 * its sources are unchanged and made again when one changes, and a failure to bundle leaves the thread to tsx.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import t from 'tap';
import { startModuleWorker } from '../../../services/threads/moduleWorker.js';
import { bundleBootSource } from '../../../services/threads/workerBundle.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function fixture() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-worker-bundle-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'dep.ts'), `export const value: string = 'one';\nexport const depUrl = import.meta.url;\n`);
  writeFileSync(
    join(dir, 'entry.ts'),
    `import { parentPort } from 'node:worker_threads';\nimport { value, depUrl } from './dep.js';\nparentPort!.postMessage({ value, depUrl, url: import.meta.url });\n`,
  );
  return dir;
}

async function run(module: string, bundled: boolean) {
  const worker = startModuleWorker(module, {}, undefined, { bundled });
  try {
    return await new Promise<{ value: string; depUrl: string; url: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

/** The boot code's `bundledModule` (the path of a module's bundle, made if needed; null: tsx), run here. */
function bundleOf(module: string) {
  const boot = new Function('require', 'process', `${bundleBootSource}; return bundledModule;`) as (
    r: NodeRequire,
    p: NodeJS.Process,
  ) => (workerData: unknown) => Promise<string | null>;
  return boot(createRequire(import.meta.url), process);
}

t.test('a bundled thread runs the current code with each module its own import.meta.url, reusing the bundle until a source changes', async (t) => {
  const dir = fixture();
  const entry = pathToFileURL(join(dir, 'entry.ts')).href;
  const first = await run(entry, true);
  const key = createHash('sha256').update(fileURLToPath(entry)).digest('hex').slice(0, 16);
  const made = join(root, 'dist', '.thread-bundles', key);
  t.teardown(() => ['.mjs', '.json'].forEach((ext) => rmSync(`${made}${ext}`, { force: true })));
  t.ok(existsSync(`${made}.mjs`), 'the thread bundled its module');
  t.same(first, { value: 'one', depUrl: pathToFileURL(join(dir, 'dep.ts')).href, url: entry });
  const bundle = await bundleOf(entry)({ module: entry, bundle: { esbuild: createRequire(import.meta.url).resolve('esbuild'), root } });
  t.match(bundle, /dist\/\.thread-bundles\/[0-9a-f]{16}\.mjs$/, 'the bundle lives under the project (bare imports resolve)');
  const madeAt = statSync(fileURLToPath(bundle!)).mtimeMs;
  t.same(await run(entry, true), first);
  t.equal(statSync(fileURLToPath(bundle!)).mtimeMs, madeAt, 'unchanged sources: the same bundle');
  writeFileSync(join(dir, 'dep.ts'), `export const value: string = 'two!';\nexport const depUrl = import.meta.url;\n`);
  t.equal((await run(entry, true)).value, 'two!', 'a changed source is bundled again');
  t.same(await run(entry, false), { ...first, value: 'two!' }, 'through tsx: the same');
});

t.test('no bundle when esbuild cannot be loaded: the thread goes through tsx', async (t) => {
  const dir = fixture();
  const entry = pathToFileURL(join(dir, 'entry.ts')).href;
  t.equal(await bundleOf(entry)({ module: entry, bundle: { esbuild: join(dir, 'no-esbuild.js'), root } }), null);
  t.equal(await bundleOf(entry)({ module: entry }), null, 'not asked for');
});
