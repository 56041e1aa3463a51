/** Starts the whole app on a temp data directory (SQLite by default, or a given store) for API tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
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

export async function startTestApi(options: { store?: EventStore; clock?: Clock; dataDir?: string; env?: Record<string, string> } = {}): Promise<TestApi> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cg-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, CLOCK: 'manual', ...options.env });
  const runtime = await startRuntime(config, {
    ...(options.store ? { store: options.store } : {}),
    clock: options.clock ?? manualClock(new Date('2026-03-02T02:00:00.000Z')),
  });
  const key = runtime.deps.signingKey;
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
    async close(keepData = false) {
      await runtime.close();
      if (!keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
