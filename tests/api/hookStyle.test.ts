/**
 * Issue #18 (server CPU per durable ballot): the app's own request hooks are callback-style. Fastify wraps an
 * async hook's promise and resumes on a later turn, ~1.8 µs of the event loop per hook per request (same-run
 * micro bench: 7 async hooks 46.9 µs a request, 7 callback hooks 34.2, none 33.5); a ballot paid eight.
 * The ones the plugins bring (rate limit, CORS's own, helmet's) are theirs; this app configures neither here.
 */
import t from 'tap';
import { memoryStore } from '../../services/store/memory.js';
import { startTestApi } from '../support/api.js';

t.test('no request hook the app adds is an async function', async (t) => {
  const api = await startTestApi(t, { store: memoryStore() });
  const app = api.runtime.app as unknown as Record<symbol, unknown>;
  const kHooks = Object.getOwnPropertySymbols(app).find((s) => s.description === 'fastify.hooks');
  t.ok(kHooks, "Fastify's hook table is found");
  const hooks = app[kHooks!] as Record<string, Array<(...args: unknown[]) => unknown>>;
  for (const name of ['onRequest', 'preParsing', 'preValidation', 'preHandler', 'preSerialization', 'onSend', 'onResponse'] as const) {
    const async = (hooks[name] ?? []).filter((f) => f.constructor.name === 'AsyncFunction').map((f) => f.toString().slice(0, 80));
    t.same(async, [], `${name}: no async hook`);
  }
  t.ok((hooks.onRequest ?? []).length >= 4, 'the onRequest hooks are there (graceful close, authentication, URL length, security headers)');
});
