/**
 * Starts a worker thread on one of this project's modules, given as a path next to the caller's module
 * without its extension. A worker does not inherit the TypeScript loader the main thread runs under, so when
 * running from source (.ts under tsx and tap) the thread registers tsx itself before importing the module;
 * once built (.js) it needs nothing.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

const boot = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsLoader) (await import(workerData.tsLoader)).register();
  await import(workerData.module);
})();
`;

/** `callerUrl` is the caller's `import.meta.url`; `relative` e.g. './writerThread'. */
export function moduleWorkerUrl(callerUrl: string, relative: string): string {
  return new URL(`${relative}${extname(fileURLToPath(callerUrl))}`, callerUrl).href;
}

const tsLoader = (module: string) => (module.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : undefined);

/**
 * The module reads its own data from `workerData` (which also holds `module` and `tsLoader`). `resourceLimits`
 * e.g. a larger young generation for a thread that allocates a lot of short-lived objects (#18, the projection thread).
 */
export function startModuleWorker(module: string, data: Record<string, unknown>, resourceLimits?: ResourceLimits): Worker {
  return new Worker(boot, { eval: true, workerData: { ...data, module, tsLoader: tsLoader(module) }, ...(resourceLimits ? { resourceLimits } : {}) });
}
