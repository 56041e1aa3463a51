/**
 * Starts a worker thread on one of this project's modules, given as a path next to the caller's module
 * without its extension. A worker does not inherit the TypeScript loader the main thread runs under, so when
 * running from source (.ts under tsx and tap) the thread registers tsx itself before importing the module;
 * once built (.js) it needs nothing.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { bundleBootSource, type BundleRequest } from './workerBundle.js';

const boot = `
const { workerData } = require('node:worker_threads');
${bundleBootSource}
(async () => {
  const bundle = await bundledModule(workerData);
  if (bundle) return import(bundle);
  if (workerData.tsLoader) (await import(workerData.tsLoader)).register();
  await import(workerData.module);
})();
`;

/** `callerUrl` is the caller's `import.meta.url`; `relative` e.g. './writerThread'. */
export function moduleWorkerUrl(callerUrl: string, relative: string): string {
  return new URL(`${relative}${extname(fileURLToPath(callerUrl))}`, callerUrl).href;
}

const tsLoader = (module: string) => (module.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined);

/** Where a thread from source finds esbuild and the project's root to bundle its module (workerBundle.ts); undefined without esbuild. */
function bundleRequest(module: string): BundleRequest | undefined {
  if (!module.endsWith('.ts')) return undefined;
  try {
    return { esbuild: fileURLToPath(import.meta.resolve('esbuild')), root: fileURLToPath(new URL('../../', import.meta.url)) };
  } catch {
    return undefined;
  }
}

/**
 * The module reads its own data from `workerData` (which also holds `module`, `tsLoader` and `bundle`).
 * `resourceLimits` e.g. a larger young generation for a thread that allocates a lot of short-lived objects
 * (#18, the projection thread). `bundled`: from source, the thread imports its module graph bundled into one
 * file instead of through tsx (workerBundle.ts: a faster start); only for a graph that imports no .ts module
 * at run time by a computed path.
 */
export function startModuleWorker(module: string, data: Record<string, unknown>, resourceLimits?: ResourceLimits, options: { bundled?: boolean } = {}): Worker {
  const bundle = options.bundled ? bundleRequest(module) : undefined;
  return new Worker(boot, { eval: true, workerData: { ...data, module, tsLoader: tsLoader(module), ...(bundle ? { bundle } : {}) }, ...(resourceLimits ? { resourceLimits } : {}) });
}
