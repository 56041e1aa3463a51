/**
 * A worker thread's TypeScript module graph as one bundled ES module (#18, a rebuild's start-up), for threads
 * started from source (.ts, under tsx and tap). Registering tsx in a thread and importing the projection
 * thread's graph through its loader took 0.6–0.9 s of each rebuild (tsx 135–250 ms, the graph 400–650 ms on
 * this 2-core machine at load 5); the same graph bundled imports in ~100 ms. The bundle is made by esbuild
 * (tsx's own transformer, already installed with it), written under `dist/.thread-bundles/` (so its bare
 * imports resolve from the project's node_modules) and reused while none of its source files changed (their
 * size and mtime, listed beside it). Each file's `import.meta.url` is its own source file's URL, so the
 * modules that start threads next to themselves (`moduleWorkerUrl`) find them as before. Any failure to bundle
 * falls back to tsx; a built tree (.js) needs neither.
 */

/** What the thread's boot code needs to bundle `module` (a file URL of a .ts module). */
export interface BundleRequest {
  /** esbuild's entry (a path resolvable by `require`). */
  readonly esbuild: string;
  /** The project's root directory (bundles go under its dist/.thread-bundles). */
  readonly root: string;
}

/**
 * The boot code's part that answers a bundle's file URL for `workerData.module`, or null (then tsx). Plain
 * CommonJS, run by the thread before any TypeScript loader. Written to a temporary name and renamed, so
 * threads of several processes bundling at once never read half a file.
 */
export const bundleBootSource = `
async function bundledModule(workerData) {
  const b = workerData.bundle;
  if (!b) return null;
  const fs = require('node:fs');
  const path = require('node:path');
  const url = require('node:url');
  const crypto = require('node:crypto');
  try {
    const entry = url.fileURLToPath(workerData.module);
    const dir = path.join(b.root, 'dist', '.thread-bundles');
    const key = crypto.createHash('sha256').update(entry).digest('hex').slice(0, 16);
    const out = path.join(dir, key + '.mjs');
    const list = path.join(dir, key + '.json');
    const stamp = (file) => {
      const s = fs.statSync(file);
      return s.size + ':' + s.mtimeMs;
    };
    try {
      const inputs = JSON.parse(fs.readFileSync(list, 'utf8'));
      if (inputs.every(([file, st]) => stamp(file) === st)) return url.pathToFileURL(out).href;
    } catch {
      // None yet, or a source file changed or went: bundled again.
    }
    const esbuild = require(b.esbuild);
    const importMetaUrl = {
      name: 'import-meta-url',
      setup(build) {
        build.onLoad({ filter: /\\.[cm]?[jt]s$/ }, async (args) => {
          if (args.path.includes('node_modules')) return undefined;
          const text = await fs.promises.readFile(args.path, 'utf8');
          if (!text.includes('import.meta.url')) return undefined;
          const ext = path.extname(args.path).slice(1).replace(/^[cm]/, '');
          return { contents: text.replaceAll('import.meta.url', JSON.stringify(url.pathToFileURL(args.path).href)), loader: ext };
        });
      },
    };
    const result = await esbuild.build({
      entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external',
      write: false, metafile: true, absWorkingDir: b.root, plugins: [importMetaUrl], logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((f) => path.resolve(b.root, f)).map((f) => [f, stamp(f)]);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = '.' + process.pid + '-' + require('node:worker_threads').threadId + '-' + Date.now();
    fs.writeFileSync(out + tmp, result.outputFiles[0].contents);
    fs.renameSync(out + tmp, out);
    fs.writeFileSync(list + tmp, JSON.stringify(inputs));
    fs.renameSync(list + tmp, list);
    return url.pathToFileURL(out).href;
  } catch {
    return null;
  }
}
`;
