/** Configuration from the environment, read once at start. Every variable is listed in the README. */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { DEFAULT_RETENTION_DAYS } from '../domain/personalData/rules.js'; // pipl

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
  /** ops: the static bearer secret a Prometheus scraper sends to read /metrics (≥ 32 characters); unset: admin tokens only. */
  readonly metricsToken: string | undefined;
  /** ops: how long a graceful shutdown (SIGTERM, SIGINT) may take before the process exits 1. */
  readonly shutdownTimeoutMs: number;
  /** pipl: days a former owner's personal data is kept before the OC or an admin may erase it (domain/personalData/rules.ts). */
  readonly personalDataRetentionDays: number;
  // trust17: rate limits, CORS, key rotation
  /** Requests per window per caller (token subject, else IP address), reads and writes counted apart; 0: no limit. */
  readonly rateLimitMax: number;
  /** Writes (POST, PUT, PATCH, DELETE) per window per caller; 0: no limit. */
  readonly rateLimitWriteMax: number;
  /** The rate limits' window, in milliseconds. */
  readonly rateLimitWindowMs: number;
  /** Origins allowed to call the API from a browser (CORS); empty: CORS off. */
  readonly corsOrigins: readonly string[];
  /** `cli rotate-key`: how long the replaced key still verifies, in hours (default: the longest token lifetime). */
  readonly jwtKeyOverlapHours: number;
  /**
   * polish (trust): Fastify's `trustProxy`, whom to believe about the client's address in X-Forwarded-For (the rate
   * limits count it): false (the default: the socket's peer), true (every hop), a hop count, or addresses/CIDRs.
   */
  readonly trustProxy: TrustProxy;
  /** snap16: log positions per time-travel snapshot cell (one snapshot per compound and cell, services/api/asOf/snapshots.ts). */
  readonly asOfSnapshotEvery: number;
}

/** polish (trust): `TRUST_PROXY` parsed (services/config.ts `trustProxy`). */
export type TrustProxy = boolean | number | readonly string[];

/**
 * Every bad variable, one line each (`NAME must be ..., got ...`); `message` is the lines joined. The server
 * and the CLI print each line and stop before opening anything.
 */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Reads and checks variables, collecting one line per bad one instead of stopping at the first. */
function checker(env: NodeJS.ProcessEnv) {
  const problems: string[] = [];
  const shown = (raw: string) => JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw);
  return {
    problems,
    bad(message: string) {
      problems.push(message);
    },
    /** A whole number in [min, max] (decimal digits only: no sign, no exponent, no blanks). */
    integer(name: string, fallback: number, min: number, max: number, unit = ''): number {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      const n = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
      if (Number.isInteger(n) && n >= min && n <= max) return n;
      problems.push(`${name} must be a whole number from ${min} to ${max}${unit}, got ${shown(raw)}`);
      return fallback;
    },
    oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
      const raw = env[name];
      if (raw === undefined || raw === '') return fallback;
      if ((allowed as readonly string[]).includes(raw)) return raw as T;
      problems.push(`${name} must be one of ${allowed.join(', ')}, got ${shown(raw)}`);
      return fallback;
    },
    /** A secret: at least `min` characters, visible ASCII; its value is never printed. */
    secret(name: string, min: number): string | undefined {
      const raw = env[name];
      if (raw === undefined) return undefined;
      if (raw === '') problems.push(`${name} is set but empty (unset it, or give at least ${min} characters)`);
      else if (raw.length < min) problems.push(`${name} must be at least ${min} characters, got ${raw.length}`);
      else if (!/^[\x21-\x7e]+$/.test(raw)) problems.push(`${name} must be visible ASCII characters (no blanks)`);
      return raw;
    },
    /** A directory that exists or can be created: no file in the way, the nearest existing ancestor writable. */
    directory(name: string, fallback: string): string {
      const dir = resolve(env[name] || fallback);
      let at = dir;
      while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
      try {
        if (!statSync(at).isDirectory()) problems.push(`${name} must be a directory, but ${at} is a file`);
        else accessSync(at, constants.W_OK);
      } catch {
        problems.push(`${name}: ${at} is not writable (${dir})`);
      }
      return dir;
    },
    /** An existing, readable file. */
    file(name: string): string | undefined {
      const raw = env[name];
      if (raw === undefined || raw === '') return undefined;
      const file = resolve(raw);
      try {
        if (!statSync(file).isFile()) problems.push(`${name} must be a file, but ${file} is not`);
        else accessSync(file, constants.R_OK);
      } catch (error) {
        problems.push(`${name}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read'} ${file}`);
      }
      return file;
    },
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const c = checker(env);
  const port = c.integer('PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  if (isIP(host) === 0 && !HOSTNAME.test(host)) c.bad(`HOST must be an IP address or a host name, got ${JSON.stringify(host.slice(0, 80))}`);
  const eventStore = c.oneOf('EVENT_STORE', 'sqlite', ['sqlite', 'esdb'] as const);
  const esdbConnectionString = env.ESDB_CONNECTION_STRING || undefined;
  if (eventStore === 'esdb' && !esdbConnectionString) {
    c.bad('EVENT_STORE=esdb needs ESDB_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)');
  }
  if (esdbConnectionString !== undefined && !/^esdb(\+discover)?:\/\/\S+$/.test(esdbConnectionString)) {
    // The value may carry credentials: never printed.
    c.bad('ESDB_CONNECTION_STRING must start with esdb:// or esdb+discover:// (e.g. esdb://localhost:2113?tls=false)');
  }
  const clock = c.oneOf('CLOCK', 'system', ['system', 'manual'] as const);
  const production = env.NODE_ENV === 'production';
  if (clock === 'manual' && production) c.bad('CLOCK=manual is refused when NODE_ENV=production');
  const jwtSecret = c.secret('JWT_SECRET', 32);
  const metricsToken = c.secret('METRICS_TOKEN', 32);
  const readDbName = env.READ_DB_NAME || 'read.db';
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(readDbName) || readDbName.startsWith('.') || readDbName === 'events.db' || readDbName === 'platform.db') {
    c.bad(`READ_DB_NAME must be a plain file name (letters, digits, . _ -; not events.db or platform.db), got ${JSON.stringify(readDbName.slice(0, 80))}`);
  }
  const config: Config = {
    port,
    host,
    dataDir: c.directory('DATA_DIR', './data'),
    eventStore,
    esdbConnectionString,
    jwtSecret,
    logLevel: c.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    clock,
    production,
    readDbName,
    holidaysFile: c.file('HOLIDAYS_FILE'),
    esdbConnectTimeoutMs: c.integer('ESDB_CONNECT_TIMEOUT_MS', 10_000, 100, 600_000, ' milliseconds'),
    metricsToken,
    shutdownTimeoutMs: c.integer('SHUTDOWN_TIMEOUT_MS', 10_000, 100, 600_000, ' milliseconds'),
    // pipl
    personalDataRetentionDays: c.integer('PERSONAL_DATA_RETENTION_DAYS', DEFAULT_RETENTION_DAYS, 0, 36_500, ' days'),
    // trust17: on by default in production, off otherwise (tests and benchmarks measure the server, not the limiter)
    rateLimitMax: c.integer('RATE_LIMIT_MAX', production ? 600 : 0, 0, 1_000_000, ' requests (0: no limit)'),
    rateLimitWriteMax: c.integer('RATE_LIMIT_WRITE_MAX', production ? 60 : 0, 0, 1_000_000, ' writes (0: no limit)'),
    rateLimitWindowMs: c.integer('RATE_LIMIT_WINDOW_MS', 60_000, 100, 86_400_000, ' milliseconds'),
    corsOrigins: corsOrigins(env.CORS_ORIGINS, c.bad),
    jwtKeyOverlapHours: c.integer('JWT_KEY_OVERLAP_HOURS', 720, 0, 8_760, ' hours'),
    trustProxy: trustProxy(env.TRUST_PROXY, c.bad), // polish (trust)
    asOfSnapshotEvery: c.integer('AS_OF_SNAPSHOT_EVERY', 5_000, 10, 10_000_000, ' positions'), // snap16; asof16: 5,000
  };
  if (c.problems.length > 0) throw new ConfigError(c.problems);
  return config;
}

/**
 * trust17: CORS_ORIGINS, a comma-separated list of origins (`https://app.example.cn`, `http://localhost:5173`):
 * each exactly an http(s) origin (scheme, host, optional port; no path, no `*`). Unset or empty: none.
 */
function corsOrigins(raw: string | undefined, bad: (message: string) => void): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  const origins = raw.split(',').map((o) => o.trim());
  for (const origin of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = null;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || parsed.origin !== origin) {
      bad(`CORS_ORIGINS must be a comma-separated list of origins like https://app.example.cn (scheme, host, optional port; no path, no *), got ${JSON.stringify(origin.slice(0, 80))}`);
    }
  }
  return origins;
}

/** proxy-addr's names for address ranges, accepted in a TRUST_PROXY list. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * polish (trust): TRUST_PROXY, whom to believe about the client's address (Fastify's `trustProxy`): unset, empty or
 * `false`: nobody (the socket's peer is the client); `true`: every hop (X-Forwarded-For's first address); a whole
 * number 1–100: that many proxies in front; else a comma-separated list of IP addresses, CIDRs (`10.0.0.0/8`) or
 * `loopback`, `linklocal`, `uniquelocal`: the proxies trusted.
 */
function trustProxy(raw: string | undefined, bad: (message: string) => void): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 100) return hops;
  } else {
    const entries = value.split(',').map((e) => e.trim());
    const valid = (e: string): boolean => {
      if (PROXY_RANGES.has(e)) return true;
      const [address, prefix, ...rest] = e.split('/');
      const family = isIP(address ?? '');
      if (family === 0 || rest.length > 0) return false;
      return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
    };
    if (entries.every(valid)) return entries;
  }
  bad(`TRUST_PROXY must be true, false, a number of proxies from 1 to 100, or a comma-separated list of IP addresses, CIDRs, loopback, linklocal or uniquelocal, got ${JSON.stringify(value.slice(0, 80))}`);
  return false;
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
  /** `bench:rebuild` (perf #18): ballot events in the generated log. */
  readonly benchEvents: number;
  /** ops, `bench:soak`: how long the load runs, in seconds, and how many times the server is SIGKILLed meanwhile. */
  readonly benchSoakSeconds: number;
  readonly benchSoakKills: number;
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
    benchEvents: positive('BENCH_EVENTS', 1_000_000), // perf #18
    benchSoakSeconds: positive('BENCH_SOAK_SECONDS', 60), // ops
    benchSoakKills: positive('BENCH_SOAK_KILLS', 5), // ops
  };
}
