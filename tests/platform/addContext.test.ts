/**
 * README "Adding a context", done literally: a copy of the source tree gets a throwaway context (parking) as
 * three folders, `domain/parking/`, `projections/parking/`, `services/parking/`, and one line in
 * services/contexts.ts; nothing else changes. A child process then starts the whole runtime from the copy
 * (SQLite store, so the projection thread loads the list too) and the context is there: its route takes a
 * command (201) and refuses with its own catalogue's code (409 space_taken), its projection fills the read
 * model behind its view, its deadline source declares an obligation to the scheduler, its reactor runs on the
 * platform, and its error code is in the app's catalogue.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const FILES: Record<string, string> = {
  'domain/parking/index.ts': `
import type { Decider } from '../shared/decider.js';
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';
export const parkingErrorCodes = { space_taken: 'conflict' } as const satisfies Record<string, DomainErrorKind>;
const refuse = refuserFor(parkingErrorCodes);
export type ParkingCommand = { type: 'AssignSpace'; data: { compoundId: string; spaceId: string; unitId: string }; by: { personId: string } };
export type ParkingEvent = { type: 'SpaceAssigned'; data: { compoundId: string; spaceId: string; unitId: string; signBy: string } };
export interface ParkingState { readonly taken: readonly string[] }
export const parkingStreamId = (compoundId: string) => 'parking-' + compoundId;
export const parkingDecider: Decider<ParkingState, ParkingCommand, ParkingEvent> = {
  initialState: () => ({ taken: [] }),
  evolve: (s, e) => ({ taken: [...s.taken, e.data.spaceId] }),
  decide: (c, s, ctx) =>
    s.taken.includes(c.data.spaceId)
      ? refuse('space_taken', 'space ' + c.data.spaceId + ' is taken')
      : [{ type: 'SpaceAssigned', data: { ...c.data, signBy: new Date(ctx.now.getTime() + 7 * 86_400_000).toISOString() } }],
};
`,
  'projections/parking/index.ts': `
import type { Projection } from '../projection.js';
export const PARKING_SPACES = 'parking_spaces';
export const parkingProjections: readonly Projection[] = [{
  name: 'parking', version: 1, handles: ['SpaceAssigned'],
  apply: (e) => {
    const d = e.data as { compoundId: string; spaceId: string; unitId: string };
    return [{ op: 'put', collection: PARKING_SPACES, id: d.compoundId + '/' + d.spaceId, parent: d.compoundId, doc: { spaceId: d.spaceId, unitId: d.unitId } }];
  },
}];
`,
  'services/parking/module.ts': `
import { parkingDecider, parkingErrorCodes, parkingStreamId, type ParkingCommand } from '../../domain/parking/index.js';
import { parkingProjections } from '../../projections/parking/index.js';
import { handleCommand, type CommandEnvelope } from '../commands/handler.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
export const parkingModule = defineContext({
  name: 'parking',
  errorCodes: parkingErrorCodes,
  projections: parkingProjections,
  routes: [lazyRoutes(async () => (await import('./routes.js')).parkingRoutes)],
  services: ({ store }: ServiceDeps) => ({
    parking: { assign: (command: ParkingCommand, cmd: CommandEnvelope) => handleCommand(store, parkingDecider, parkingStreamId(command.data.compoundId), command, cmd, {}) },
  }),
  reactors: () => [{ name: 'parking.noop', handles: ['SpaceAssigned'], react: () => [] }],
  deadlineSources: () => [{
    name: 'parking', handles: ['SpaceAssigned'],
    changes: (e) => {
      const d = e.data as { compoundId: string; spaceId: string; signBy: string };
      return [{ op: 'declare', deadline: { deadlineId: 'parking_lease:' + d.spaceId, compoundId: d.compoundId, kind: 'parking_lease', dueAt: d.signBy, source: { article: 'none (a test)', jurisdiction: 'national' }, record: { type: 'parking_space', id: d.spaceId } } }];
    },
  }],
});
`,
  'services/parking/routes.ts': `
import type { FastifyPluginAsync } from 'fastify';
import { PARKING_SPACES } from '../../projections/parking/index.js';
import { requirePrincipal, requireRole } from '../api/authenticate.js';
export const parkingRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: { compoundId: string; spaceId: string }; Body: { unitId: string } }>('/v1/compounds/:compoundId/parking/:spaceId', async (request, reply) => {
    const { compoundId, spaceId } = request.params;
    const principal = await requirePrincipal(request, app.deps.signingKey);
    const role = requireRole(principal, compoundId, ['oc_member']);
    return app.deps.commands.run(request, reply, {
      principal, role,
      execute: (cmd) => app.deps.parking.assign({ type: 'AssignSpace', data: { compoundId, spaceId, unitId: request.body.unitId }, by: { personId: principal.personId } }, cmd),
      respond: ({ position }) => ({ status: 201, body: { position: position.toString() } }),
    });
  });
  app.get<{ Params: { compoundId: string } }>('/v1/compounds/:compoundId/parking', async (request) => {
    await app.deps.runner.waitFor(app.deps.commands.lastAppended(), 5_000);
    return { spaces: app.deps.read.list(PARKING_SPACES, request.params.compoundId) };
  });
};
`,
  'run.ts': `
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueToken } from './services/auth/tokens.js';
import { parseGrant } from './services/auth/grants.js';
import { loadConfig } from './services/config.js';
import { errorCodes } from './services/contexts.js';
import { startRuntime } from './services/runtime.js';
const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cg-parking-')), CLOCK: 'manual' });
const runtime = await startRuntime(config);
const token = await issueToken(runtime.deps.signingKey, 'p-oc', [parseGrant('oc_member@c1')!]);
const call = (method: 'GET' | 'POST', url: string, body?: object) =>
  runtime.app.inject({ method, url, headers: { authorization: 'Bearer ' + token }, ...(body ? { payload: body } : {}) });
const first = await call('POST', '/v1/compounds/c1/parking/B1-007', { unitId: 'u1' });
const again = await call('POST', '/v1/compounds/c1/parking/B1-007', { unitId: 'u2' });
const view = await call('GET', '/v1/compounds/c1/parking');
await runtime.deps.platform.deadlinesAt(runtime.deps.commands.lastAppended(), 5_000);
const out = {
  assigned: first.statusCode,
  again: [again.statusCode, again.json().code],
  view: view.json(),
  deadlines: runtime.deps.platform.deadlines.deadlines('c1').map((d) => [d.kind, d.record]),
  reactor: runtime.deps.platform.reactors.status().some((r) => r.name === 'parking.noop'),
  code: errorCodes.get('space_taken') ?? null,
};
await runtime.close();
console.log(JSON.stringify(out));
`,
};

/** The one line README's step 4 adds to services/contexts.ts. */
const LINE = "  (await import('./parking/module.js')).parkingModule,\n";

t.test('a context is its three folders and one line in services/contexts.ts', async (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'cg-addctx-'));
  t.teardown(() => rmSync(copy, { recursive: true, force: true }));
  for (const entry of ['domain', 'projections', 'services', 'verifier', 'package.json', 'tsconfig.json']) cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    writeFileSync(join(copy, file), text);
  }
  const contextsFile = join(copy, 'services/contexts.ts');
  const before = readFileSync(contextsFile, 'utf8');
  const end = before.indexOf('] as const');
  t.ok(end > 0, 'services/contexts.ts ends its list with `] as const`');
  writeFileSync(contextsFile, before.slice(0, end) + LINE + before.slice(end));

  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const stdout = await new Promise<string>((done, fail) =>
    execFile(process.execPath, ['--import', 'tsx', 'run.ts'], { cwd: copy, env, timeout: 60_000 }, (error, out, err) => (error ? fail(new Error(`${error.message}\n${err}`)) : done(out))),
  );
  const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
  t.equal(out.assigned, 201, 'its route runs its command');
  t.same(out.again, [409, 'space_taken'], "a refusal answers with its catalogue's code");
  t.same(out.view, { spaces: [{ spaceId: 'B1-007', unitId: 'u1' }] }, 'its projection fills its view (on the projection thread)');
  t.same(out.deadlines, [['parking_lease', { type: 'parking_space', id: 'B1-007' }]], 'its deadline source declares its obligation');
  t.equal(out.reactor, true, 'its reactor runs on the platform');
  t.equal(out.code, 'conflict', "its code is in the app's catalogue");
});
