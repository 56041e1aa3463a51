/** Starts the whole app on a temp data directory (SQLite by default, or a given store) for API tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import type { Test } from 'tap';
import { parseGrant, type Grant } from '../../services/auth/grants.js';
import { issueToken } from '../../services/auth/tokens.js';
import { manualClock, type Clock } from '../../services/clock.js';
import { loadConfig } from '../../services/config.js';
import { startRuntime, type Runtime } from '../../services/runtime.js';
import type { EventStore } from '../../services/store/port.js';

export interface TestApi {
  readonly runtime: Runtime;
  readonly dataDir: string;
  token(sub: string, ...grants: string[]): Promise<string>;
  call(method: string, url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  close(keepData?: boolean): Promise<void>;
}

export interface TestApiOptions {
  readonly store?: EventStore;
  readonly clock?: Clock;
  readonly dataDir?: string;
  readonly env?: Record<string, string>;
}

/**
 * `startTestApi(t, options)` closes the app (and removes its data directory) when the test ends
 * (`t.teardown`); `startTestApi(options)` leaves closing to the caller (a test that restarts on the same data).
 */
export async function startTestApi(t: Test, options?: TestApiOptions): Promise<TestApi>;
export async function startTestApi(options?: TestApiOptions): Promise<TestApi>;
export async function startTestApi(first?: Test | TestApiOptions, second?: TestApiOptions): Promise<TestApi> {
  const test = first !== undefined && typeof (first as Test).teardown === 'function' ? (first as Test) : undefined;
  const options: TestApiOptions = (test ? second : (first as TestApiOptions | undefined)) ?? {};
  const api = await start(options);
  test?.teardown(() => api.close());
  return api;
}

async function start(options: TestApiOptions): Promise<TestApi> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cg-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, CLOCK: 'manual', ...options.env });
  const runtime = await startRuntime(config, {
    ...(options.store ? { store: options.store } : {}),
    clock: options.clock ?? manualClock(new Date('2026-03-02T02:00:00.000Z')),
  });
  const key = runtime.deps.signingKey;
  let closed = false;
  return {
    runtime,
    dataDir,
    token: (sub, ...grants) => issueToken(key, sub, grants.map((g) => parseGrant(g)).filter((g): g is Grant => g !== null)),
    call(method, url, { token, body, headers = {} } = {}) {
      return runtime.app.inject({
        method: method as 'GET',
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    },
    /** Once: a second call (the teardown after a test closed it itself) does nothing. */
    async close(keepData = false) {
      if (closed) return;
      closed = true;
      await runtime.close();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
