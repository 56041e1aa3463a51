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
import { loadLogSigningKey } from './keys/logSigningKey.js';
import { manualClock, systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { openReadStore, openReadView, type ReadView } from './projections/readStore.js';
import { startProjectionRunner, type ProjectionRunner } from './projections/runner.js';
import { startThreadedProjectionRunner } from './projections/threadedRunner.js';
import { registryService } from './registry/service.js';
import { assemblyService } from './assembly/service.js';
import { assemblyDeadlineSource } from './assembly/deadlines.js';
import { startPlatform } from './platform/index.js';
import { loadCalendarFile, uncoveredYears, useCalendar } from './calendar.js';
import { DEFAULT_CALENDAR } from '../domain/time/legalPeriod.js';
import { decisionNotifier } from './assembly/reactors.js';
import { decisionsService } from './assembly/decisions.js';
import { residentsDeadlineSource } from './residents/deadlines.js';
import { residentsService } from './residents/service.js';
import { disputesDeadlineSource } from './disputes/deadlines.js';
import { disputesService } from './disputes/service.js';
import { jointDeadlineSource } from './joint/deadlines.js';
import { jointService } from './joint/service.js';
// hiring
import { hiringService } from './hiring/service.js';
import { contractDrafter } from './hiring/reactors.js';
import { hiringDeadlineSource } from './hiring/deadlines.js';
import { openEsdbStore } from './store/esdb/index.js';
// committee
import { committeeService } from './committee/service.js';
import { committeeModule } from './committee/module.js';
import type { EventStore } from './store/port.js';
import { isSqliteStore, openSqliteStore } from './store/sqlite/index.js';
// funds, supervision
import { fundsService } from './funds/service.js';
import { fundsDeadlineSource } from './funds/deadlines.js';
import { supervisionService } from './supervision/service.js';
import { supervisionDeadlineSource } from './supervision/deadlines.js';
import { boardService } from './board/service.js'; // board

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
  const store = options.store ?? (await openEventStore(config));
  // With EventStoreDB each instance keeps its own read database, named per instance when several share a disk.
  const readFile = join(config.dataDir, config.readDbName);
  const { read, runner } = await startReadModel(store, readFile, options.logger || undefined);
  const clock = options.clock ?? (config.clock === 'manual' ? manualClock() : systemClock);
  const missing = uncoveredYears(calendar, clock.now());
  if (missing.length > 0 && options.logger) {
    options.logger.warn({ calendar: calendar.name, years: missing }, `the holiday calendar does not cover ${missing.join(' and ')}: legal periods there count weekends only (set HOLIDAYS_FILE)`);
  }
  const registry = registryService(store);
  const assembly = assemblyService(store);
  const hiring = hiringService(store, { assembly, registry }); // hiring
  // committee
  const committee = committeeService({ store, registry, assembly });
  const platform = startPlatform({
    store,
    clock,
    dbFile: join(config.dataDir, 'platform.db'),
    reactors: [decisionNotifier(assembly), contractDrafter(hiring) /* hiring */, /* committee */ ...committeeModule.reactors({ committee, assembly, registry })],
    deadlineSources: [assemblyDeadlineSource({ assembly, registry }), residentsDeadlineSource, disputesDeadlineSource, jointDeadlineSource, /* funds */ fundsDeadlineSource(), supervisionDeadlineSource(), hiringDeadlineSource(hiring) /* hiring */, /* committee */ ...committeeModule.deadlineSources({ committee, assembly, registry })],
    ...(options.logger ? { log: options.logger } : {}),
  });
  const signingKey = loadSigningKey(config.dataDir, config.jwtSecret);
  const deps: AppDeps = {
    store,
    read,
    runner,
    clock,
    signingKey,
    logKey: loadLogSigningKey(config.dataDir),
    commands: commandLog(store, read, runner, clock),
    registry,
    assembly,
    decisions: decisionsService({ store, read, runner, assembly, registry }),
    residents: residentsService(store),
    disputes: disputesService(store),
    joint: jointService(store),
    platform,
    // funds, supervision
    funds: fundsService({ store, read, registry }),
    supervision: supervisionService({ store, read }),
    hiring, // hiring
    // committee
    committee,
    board: boardService(store, signingKey), // board
  };
  const app = await buildApp({ deps, logger: options.logger ?? false });
  return {
    app,
    deps,
    async close() {
      await app.close();
      await platform.close();
      await runner.close();
      await read.close();
      await store.close();
    },
  };
}
