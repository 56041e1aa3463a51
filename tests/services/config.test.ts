/**
 * Configuration is checked at start: one clear line per bad variable (numbers, ranges, enums, paths, secrets),
 * all of them at once; the server prints them and exits 2 before opening anything.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { ConfigError, loadConfig, loadToolConfig } from '../../services/config.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

t.test('defaults and good values pass', async (t) => {
  const dir = t.testdir();
  const c = loadConfig({ DATA_DIR: join(dir, 'new', 'data'), PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_MS: '2000' });
  t.match(c, { port: 8080, host: '0.0.0.0', logLevel: 'warn', shutdownTimeoutMs: 2000, eventStore: 'sqlite', metricsToken: undefined });
  t.equal(loadConfig({ DATA_DIR: dir, HOST: 'api.example.internal' }).host, 'api.example.internal');
});

t.test('numbers: not a whole number, out of range', async (t) => {
  const dir = t.testdir();
  t.same(problemsOf({ DATA_DIR: dir, PORT: '80.5' }), ['PORT must be a whole number from 0 to 65535, got "80.5"']);
  t.same(problemsOf({ DATA_DIR: dir, PORT: '70000' }), ['PORT must be a whole number from 0 to 65535, got "70000"']);
  t.same(problemsOf({ DATA_DIR: dir, PORT: ' 80' }), ['PORT must be a whole number from 0 to 65535, got " 80"'], 'no blanks');
  t.same(problemsOf({ DATA_DIR: dir, SHUTDOWN_TIMEOUT_MS: '1e4' }), ['SHUTDOWN_TIMEOUT_MS must be a whole number from 100 to 600000 milliseconds, got "1e4"']);
  t.same(problemsOf({ DATA_DIR: dir, ESDB_CONNECT_TIMEOUT_MS: '50' }), ['ESDB_CONNECT_TIMEOUT_MS must be a whole number from 100 to 600000 milliseconds, got "50"']);
});

t.test('enumerations', async (t) => {
  const dir = t.testdir();
  t.same(problemsOf({ DATA_DIR: dir, LOG_LEVEL: 'verbose' }), ['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"']);
  t.same(problemsOf({ DATA_DIR: dir, EVENT_STORE: 'postgres' }), ['EVENT_STORE must be one of sqlite, esdb, got "postgres"']);
  t.same(problemsOf({ DATA_DIR: dir, CLOCK: 'fast' }), ['CLOCK must be one of system, manual, got "fast"']);
  t.same(problemsOf({ DATA_DIR: dir, CLOCK: 'manual', NODE_ENV: 'production' }), ['CLOCK=manual is refused when NODE_ENV=production']);
});

t.test('paths: a file where the data directory should be, a missing holiday file, a bad read-db name', async (t) => {
  const dir = t.testdir({ 'a-file': 'x' });
  t.same(problemsOf({ DATA_DIR: join(dir, 'a-file') }), [`DATA_DIR must be a directory, but ${join(dir, 'a-file')} is a file`]);
  t.same(problemsOf({ DATA_DIR: join(dir, 'a-file', 'below') }), [`DATA_DIR must be a directory, but ${join(dir, 'a-file')} is a file`]);
  t.same(problemsOf({ DATA_DIR: dir, HOLIDAYS_FILE: join(dir, 'nope.json') }), [`HOLIDAYS_FILE: no such file ${join(dir, 'nope.json')}`]);
  t.same(problemsOf({ DATA_DIR: dir, HOLIDAYS_FILE: dir }), [`HOLIDAYS_FILE must be a file, but ${dir} is not`]);
  t.same(problemsOf({ DATA_DIR: dir, READ_DB_NAME: '../read.db' }), ['READ_DB_NAME must be a plain file name (letters, digits, . _ -; not events.db or platform.db), got "../read.db"']);
  t.same(problemsOf({ DATA_DIR: dir, READ_DB_NAME: 'events.db' }).length, 1, 'never the log itself');
});

t.test('hosts, secrets, the EventStoreDB connection (never printing a secret)', async (t) => {
  const dir = t.testdir();
  t.same(problemsOf({ DATA_DIR: dir, HOST: 'not a host' }), ['HOST must be an IP address or a host name, got "not a host"']);
  t.same(problemsOf({ DATA_DIR: dir, JWT_SECRET: 'short-secret' }), ['JWT_SECRET must be at least 32 characters, got 12']);
  t.same(problemsOf({ DATA_DIR: dir, JWT_SECRET: '' }), ['JWT_SECRET is set but empty (unset it, or give at least 32 characters)']);
  t.same(problemsOf({ DATA_DIR: dir, METRICS_TOKEN: 'a metrics token with blanks in it, long enough' }), ['METRICS_TOKEN must be visible ASCII characters (no blanks)']);
  t.same(problemsOf({ DATA_DIR: dir, EVENT_STORE: 'esdb' }), ['EVENT_STORE=esdb needs ESDB_CONNECTION_STRING (e.g. esdb://localhost:2113?tls=false)']);
  const leaky = problemsOf({ DATA_DIR: dir, EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: 'http://admin:changeit@db:2113' });
  t.same(leaky, ['ESDB_CONNECTION_STRING must start with esdb:// or esdb+discover:// (e.g. esdb://localhost:2113?tls=false)']);
  t.notOk(leaky.join('').includes('changeit'), 'the credentials are not printed');
});

t.test('every bad variable at once, one line each', async (t) => {
  const dir = t.testdir();
  const problems = problemsOf({ DATA_DIR: dir, PORT: 'http', LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT_MS: '0' });
  t.equal(problems.length, 3);
  t.ok(problems.every((p) => !p.includes('\n')));
});

t.test('the tools: positive whole numbers', async (t) => {
  t.throws(() => loadToolConfig({ BENCH_SOAK_SECONDS: '-1' }), /BENCH_SOAK_SECONDS must be a positive whole number, got -1/);
  t.throws(() => loadToolConfig({ BENCH_SOAK_KILLS: 'many' }), /BENCH_SOAK_KILLS must be a positive whole number, got many/);
  t.match(loadToolConfig({}), { benchSoakSeconds: 60, benchSoakKills: 5 });
});

t.test('the server prints each bad variable on a line of its own and exits 2', async (t) => {
  const dir = t.testdir({ 'a-file': 'x' });
  const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'services/server.ts'], {
    env: { ...process.env, DATA_DIR: join(dir, 'a-file'), PORT: '99999', LOG_LEVEL: 'loud' },
  }).then(
    () => ({ code: 0, stderr: '' }),
    (e: { code: number; stderr: string }) => e,
  );
  t.equal(result.code, 2);
  t.same(result.stderr.trim().split('\n'), [
    'configuration error: PORT must be a whole number from 0 to 65535, got "99999"',
    `configuration error: DATA_DIR must be a directory, but ${join(dir, 'a-file')} is a file`,
    'configuration error: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
  ]);
});
