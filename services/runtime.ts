/**
 * The composition root: opens the event store chosen by configuration, the read database, the projection
 * runner and the clock, and hands them to the HTTP app. Used by the server, the CLI, the demo and tests.
 */
import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './api/app.js';
import { commandLog } from './api/commandLog.js';
import type { AppDeps } from './api/deps.js';
import { loadSigningKey } from './auth/keys.js';
import { manualClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { allProjections, contexts } from './contexts.js';
import { buildServices } from './platform/contextModule.js';
import { openReadStore, openReadView, type ReadView } from './projections/readStore.js';
import { startProjectionRunner, type ProjectionRunner } from './projections/runner.js';
import { startThreadedProjectionRunner } from './projections/threadedRunner.js';
import { openEsdbStore } from './store/esdb/index.js';
import type { EventStore } from './store/port.js';
import { isSqliteStore, openSqliteStore } from './store/sqlite/index.js';

export async function openEventStore(config: Pick<Config, 'eventStore' | 'dataDir' | 'esdbConnectionString'>): Promise<EventStore> {
  switch (config.eventStore) {
    case 'sqlite':
      return openSqliteStore(join(config.dataDir, 'events.db'));
    case 'esdb':
      return openEsdbStore(config.esdbConnectionString!);
  }
}

/**
 * The read model: on the SQLite store, the projection runner has a thread of its own (threadedRunner.ts)
 * and this thread only queries; on other stores it runs here, fed by the store's subscription.
 */
async function startReadModel(store: EventStore, readFile: string, log?: FastifyBaseLogger): Promise<{ read: ReadView; runner: ProjectionRunner }> {
  if (isSqliteStore(store)) {
    const runner = await startThreadedProjectionRunner({ eventsFile: store.file, readFile, commits: (listener) => store.onCommitted(listener), ...(log ? { log } : {}) });
    return { read: openReadView(readFile), runner };
  }
  const read = openReadStore(readFile);
  return { read, runner: startProjectionRunner(store, read, allProjections, log ? { log } : {}) };
}

export interface Runtime {
  readonly app: FastifyInstance;
  readonly deps: AppDeps;
  close(): Promise<void>;
}

export async function startRuntime(
  config: Config,
  options: { logger?: FastifyBaseLogger | false; store?: EventStore; clock?: Clock } = {},
): Promise<Runtime> {
  const store = options.store ?? (await openEventStore(config));
  // With EventStoreDB each instance keeps its own read database, named per instance when several share a disk.
  const readFile = join(config.dataDir, process.env.READ_DB_NAME ?? 'read.db');
  const { read, runner } = await startReadModel(store, readFile, options.logger || undefined);
  const clock = options.clock ?? (config.clock === 'manual' ? manualClock() : systemClock);
  const deps: AppDeps = {
    store,
    read,
    runner,
    clock,
    signingKey: loadSigningKey(config.dataDir, config.jwtSecret),
    commands: commandLog(store, read, runner, clock),
    ...buildServices(contexts, { store, clock }),
  };
  const app = await buildApp({ deps, logger: options.logger ?? false });
  return {
    app,
    deps,
    async close() {
      await app.close();
      await runner.close();
      await read.close();
      await store.close();
    },
  };
}
