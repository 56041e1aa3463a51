/**
 * An EventStoreDB server for tests, or the reason there is none (tests then SKIP with that reason):
 * 1. `ESDB_CONNECTION_STRING` names an external server. Test files that use it take turns (a lock file in
 *    the temp directory), because the store contract assumes nobody else writes while it runs.
 * 2. Otherwise, when testcontainers finds a container runtime, a fresh `eventstore/eventstore:24.10`
 *    container per test file (single node, insecure, projections on), stopped by `stop()`.
 * 3. Otherwise a skip reason string.
 * testcontainers is imported dynamically so that a broken install cannot crash a test file.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EsdbServer {
  readonly connectionString: string;
  readonly kind: 'external' | 'container';
  stop(): Promise<void>;
}

export const ESDB_IMAGE = 'eventstore/eventstore:24.10';

/** Resolves to a server or to the reason why there is none. Never hangs: each probe is bounded. */
export async function startEsdbServer(): Promise<EsdbServer | string> {
  const external = process.env.ESDB_CONNECTION_STRING;
  if (external) {
    const release = await lock(external);
    return { connectionString: external, kind: 'external', stop: async () => release() };
  }
  let testcontainers: typeof import('testcontainers');
  try {
    testcontainers = await import('testcontainers');
  } catch (error) {
    return `no ESDB_CONNECTION_STRING and testcontainers cannot load (${short(error)})`;
  }
  try {
    await bounded(testcontainers.getContainerRuntimeClient(), 15_000, 'container runtime probe');
  } catch (error) {
    return `no container runtime (${short(error)}) and no ESDB_CONNECTION_STRING`;
  }
  const { GenericContainer, Wait } = testcontainers;
  const container = await new GenericContainer(ESDB_IMAGE)
    .withEnvironment({
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_RUN_PROJECTIONS: 'All',
      EVENTSTORE_START_STANDARD_PROJECTIONS: 'true',
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_NODE_PORT: '2113',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHealthCheck())
    .withStartupTimeout(120_000)
    .start();
  return {
    connectionString: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    kind: 'container',
    stop: async () => {
      await container.stop();
    },
  };
}

function short(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} gave no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** An exclusive lock per external server, so that test files sharing it run one after the other. */
async function lock(connectionString: string, waitMs = 600_000): Promise<() => void> {
  const file = join(tmpdir(), `esdb-test-${createHash('sha256').update(connectionString).digest('hex').slice(0, 16)}.lock`);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (holderIsGone(file)) {
        try {
          unlinkSync(file);
        } catch {
          // someone else cleaned it up
        }
        continue;
      }
      if (Date.now() > until) throw new Error(`waited ${waitMs} ms for ${file} (another test run uses the external EventStoreDB)`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function holderIsGone(file: string): boolean {
  try {
    const pid = Number(readFileSync(file, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
