/**
 * The composition root: opens the event store chosen by configuration, the read database, the projection
 * runner and the clock, and hands them to the HTTP app. Used by the server, the CLI, the demo and tests.
 */
import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './api/app.js';
import { commandLog } from './api/commandLog.js';
import type { AppDeps } from './api/deps.js';
import { loadSigningKey, withRevocations } from './auth/keys.js';
import { tokenRevocations } from './auth/revocations.js'; // trust17
import { loadLogSigningKey } from './keys/logSigningKey.js';
import { manualClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { allProjections, contexts, eventSchemas } from './contexts.js';
import { buildServices, deadlineSourcesOf, reactorsOf, routeServices } from './platform/contextModule.js';
import { timeTravellingRead } from './api/asOf/timeTravel.js';
import { DEFAULT_SNAPSHOT_TABLE, foldFingerprint, openSnapshotTable } from './api/asOf/snapshotTable.js'; // snap16
import { openReadStore, openReadView, type ReadView } from './projections/readStore.js';
import { startProjectionRunner, type ProjectionRunner } from './projections/runner.js';
import { startThreadedProjectionRunner } from './projections/threadedRunner.js';
import { startPlatform } from './platform/index.js';
import { loadExportKey } from './export/pseudonyms.js';
import { loadCalendarFile, uncoveredYears, useCalendar } from './calendar.js';
import { DEFAULT_CALENDAR } from '../domain/time/legalPeriod.js';
import { openEsdbStore } from './store/esdb/index.js';
import { withEventSchemas } from './store/eventSchemaStore.js';
import type { EventStore } from './store/port.js';
import { isSqliteStore, openSqliteStore } from './store/sqlite/index.js';
// pipl: personal data sealed per person, erasure, staff reads recorded
import { openKeyStore } from './personalData/keyStore.js';
import { personalDataService } from './personalData/service.js';

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
  // Legal periods count with China's statutory calendar, or HOLIDAYS_FILE's (services/calendar.ts).
  const calendar = config.holidaysFile ? loadCalendarFile(config.holidaysFile) : DEFAULT_CALENDAR;
  useCalendar(calendar);
  // Events written at their type's current schema version, read upcast to it (domain/shared/eventSchemas.ts).
  const store = withEventSchemas(options.store ?? (await openEventStore(config)), eventSchemas);
  // With EventStoreDB each instance keeps its own read database, named per instance when several share a disk.
  const readFile = join(config.dataDir, config.readDbName);
  const { read, runner } = await startReadModel(store, readFile, options.logger || undefined);
  const clock = options.clock ?? (config.clock === 'manual' ? manualClock() : systemClock);
  const missing = uncoveredYears(calendar, clock.now());
  if (missing.length > 0 && options.logger) {
    options.logger.warn({ calendar: calendar.name, years: missing }, `the holiday calendar does not cover ${missing.join(' and ')}: legal periods there count weekends only (set HOLIDAYS_FILE)`);
  }
  // pipl: the key store lives beside the log, never in it; erasures recorded in the log are replayed into it.
  const personalKeys = openKeyStore(join(config.dataDir, 'personal-keys.db'));
  const personalData = personalDataService({ store, keys: personalKeys, retentionDays: config.personalDataRetentionDays });
  await personalData.reconcile();
  // trust17: the key ring (current and previous keys by kid) consulting the revocations read from the log.
  const revocations = await tokenRevocations(store);
  const signingKey = withRevocations(loadSigningKey(config.dataDir, config.jwtSecret), revocations);
  const serviceDeps = {
    store,
    read,
    runner,
    clock,
    signingKey,
    tokenRevocations: revocations, // trust17
    logKey: loadLogSigningKey(config.dataDir),
    exportKey: loadExportKey(config.dataDir),
    commands: commandLog(store, read, runner, clock),
    personalData, // pipl: a platform part (the registry seals with it; services/personalData)
  };
  const built = { ...serviceDeps, ...buildServices(contexts, serviceDeps) };
  const platform = startPlatform({
    store,
    clock,
    dbFile: join(config.dataDir, 'platform.db'),
    reactors: reactorsOf(contexts, built),
    deadlineSources: deadlineSourcesOf(contexts, built),
    ...(options.logger ? { log: options.logger } : {}),
  });
  // snap16: time-travel snapshots that outlive the process, in the read database (a table of their own).
  const asOfSnapshots = openSnapshotTable(readFile, foldFingerprint(allProjections, platform.deadlineSources), { ...DEFAULT_SNAPSHOT_TABLE, every: config.asOfSnapshotEvery });
  const deps: AppDeps = {
    ...routeServices(contexts, built),
    asOfSnapshots, // snap16
    read: timeTravellingRead(read), // ?asOf= (services/api/asOf/timeTravel.ts)
    platform,
  };
  const app = await buildApp({ deps, logger: options.logger ?? false, metricsToken: config.metricsToken /* ops */,
    rateLimit: { max: config.rateLimitMax, writeMax: config.rateLimitWriteMax, windowMs: config.rateLimitWindowMs }, // trust17
    corsOrigins: config.corsOrigins, // trust17
    trustProxy: config.trustProxy, // polish (trust)
  });
  return {
    app,
    deps,
    async close() {
      await app.close();
      await platform.close();
      asOfSnapshots.close(); // snap16
      revocations.close(); // trust17
      await runner.close();
      await read.close();
      await store.close();
      personalKeys.close(); // pipl
    },
  };
}
