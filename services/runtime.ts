/**
 * The composition root: opens the event store chosen by configuration, the read database, the projection
 * runner and the clock, and hands them to the HTTP app. Used by the server, the CLI, the demo and tests.
 */
import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { allProjections } from '../projections/index.js';
import { buildApp } from './api/app.js';
import { commandLog } from './api/commandLog.js';
import type { AppDeps } from './api/deps.js';
import { loadSigningKey } from './auth/keys.js';
import { manualClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openReadStore } from './projections/readStore.js';
import { startProjectionRunner } from './projections/runner.js';
import { registryService } from './registry/service.js';
import { assemblyService } from './assembly/service.js';
import { openEsdbStore } from './store/esdb/index.js';
import type { EventStore } from './store/port.js';
import { openSqliteStore } from './store/sqlite/index.js';

export async function openEventStore(config: Pick<Config, 'eventStore' | 'dataDir' | 'esdbConnectionString'>): Promise<EventStore> {
  switch (config.eventStore) {
    case 'sqlite':
      return openSqliteStore(join(config.dataDir, 'events.db'));
    case 'esdb':
      return openEsdbStore(config.esdbConnectionString!);
  }
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
  const read = openReadStore(join(config.dataDir, process.env.READ_DB_NAME ?? 'read.db'));
  const runner = startProjectionRunner(store, read, allProjections, options.logger || undefined);
  const clock = options.clock ?? (config.clock === 'manual' ? manualClock() : systemClock);
  const deps: AppDeps = {
    store,
    read,
    runner,
    clock,
    signingKey: loadSigningKey(config.dataDir, config.jwtSecret),
    commands: commandLog(store, read, runner, clock),
    registry: registryService(store),
    assembly: assemblyService(store),
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
