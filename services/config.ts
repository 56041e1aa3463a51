/** Configuration from the environment, read once at start. Every variable is listed in the README. */
import { resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: 'sqlite' | 'esdb';
  readonly esdbConnectionString: string | undefined;
  /** HS256 secret for bearer tokens; when unset a key is created in the data directory. */
  readonly jwtSecret: string | undefined;
  readonly logLevel: string;
  readonly clock: 'system' | 'manual';
  readonly production: boolean;
  /** File name of this instance's read database inside the data directory. */
  readonly readDbName: string;
  /** A holiday calendar replacing the built-in one (services/calendar.ts); unset: China's statutory calendar. */
  readonly holidaysFile: string | undefined;
  /** `cli copy`: how long to wait for EventStoreDB, in milliseconds. */
  readonly esdbConnectTimeoutMs: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be 0..65535, got ${env.PORT}`);
  const eventStore = env.EVENT_STORE ?? 'sqlite';
  if (eventStore !== 'sqlite' && eventStore !== 'esdb') {
    throw new ConfigError(`EVENT_STORE must be sqlite or esdb, got ${eventStore}`);
  }
  if (eventStore === 'esdb' && !env.ESDB_CONNECTION_STRING) {
    throw new ConfigError('EVENT_STORE=esdb needs ESDB_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)');
  }
  const clock = env.CLOCK ?? 'system';
  if (clock !== 'system' && clock !== 'manual') throw new ConfigError(`CLOCK must be system or manual, got ${clock}`);
  const production = env.NODE_ENV === 'production';
  if (clock === 'manual' && production) throw new ConfigError('CLOCK=manual is refused when NODE_ENV=production');
  if (env.JWT_SECRET !== undefined && env.JWT_SECRET.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters');
  }
  const readDbName = env.READ_DB_NAME ?? 'read.db';
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(readDbName) || readDbName.startsWith('.')) throw new ConfigError(`READ_DB_NAME must be a plain file name, got ${readDbName}`);
  const esdbConnectTimeoutMs = Number(env.ESDB_CONNECT_TIMEOUT_MS ?? '10000');
  if (!Number.isInteger(esdbConnectTimeoutMs) || esdbConnectTimeoutMs < 100 || esdbConnectTimeoutMs > 600_000) {
    throw new ConfigError(`ESDB_CONNECT_TIMEOUT_MS must be 100..600000 milliseconds, got ${env.ESDB_CONNECT_TIMEOUT_MS}`);
  }
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    eventStore,
    esdbConnectionString: env.ESDB_CONNECTION_STRING,
    jwtSecret: env.JWT_SECRET,
    logLevel: env.LOG_LEVEL ?? 'info',
    clock,
    production,
    readDbName,
    holidaysFile: env.HOLIDAYS_FILE ? resolve(env.HOLIDAYS_FILE) : undefined,
    esdbConnectTimeoutMs,
  };
}

/**
 * The tools' knobs (benchmarks, the demo, the CLI), read here like the server's so that every variable the code
 * reads is in this file. Numbers must be positive whole numbers.
 */
export interface ToolConfig {
  /** `cli import-units`: the bearer token when `--token` is not given. */
  readonly token: string | undefined;
  readonly dataDir: string;
  readonly benchUnits: number;
  readonly benchRounds: number;
  readonly benchRoundMs: number;
  readonly benchConnections: number;
  /** `bench:vote`: write a CPU profile per round with this file prefix. */
  readonly benchProfile: string | undefined;
}

export function loadToolConfig(env: NodeJS.ProcessEnv = process.env, defaults: { benchRounds?: number } = {}): ToolConfig {
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new ConfigError(`${name} must be a positive whole number, got ${raw}`);
    return n;
  };
  return {
    token: env.TOKEN || undefined,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    benchUnits: positive('BENCH_UNITS', 20_000),
    benchRounds: positive('BENCH_ROUNDS', defaults.benchRounds ?? 3),
    benchRoundMs: positive('BENCH_ROUND_MS', 2000),
    benchConnections: positive('BENCH_CONNECTIONS', 64),
    benchProfile: env.BENCH_PROFILE || undefined,
  };
}
