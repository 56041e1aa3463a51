/**
 * `?asOf=` on every read-model view of a compound, JSON and page: the view as it stood at a log position or an
 * instant, computed from the compound's events up to that point with the same pure projections
 * (compoundAsOf.ts). Routes read documents through `deps.read`; that reader is wrapped here so that, inside a
 * request that asked for a past point, its document queries (get, list, count) answer from the computed
 * documents instead of the current ones (AsyncLocalStorage carries the request's view through the handler).
 * Everything else the reader does (commands, checkpoints, failures) stays the live read store's.
 *
 * Which requests: GET on a route with a `:compoundId` parameter (the compound is the unit of time travel), or
 * with the id of a record whose compound the live read model knows (a motion, a contract, a tender, a survey,
 * a fee adjustment, a decision, a petition, a residents' meeting or request: a record that did not exist yet
 * at the point is then not found, as it was). A
 * route that computes its own past (a motion and its tally, services/board/asOf.ts) declares
 * `config: { asOf: 'self' }`. Any other GET given `asOf` answers `400 as_of_not_supported` rather than
 * silently showing the present. JSON answers carry `asOf: {requested, position, recordedAt}`; every answer
 * carries `x-as-of-position`; pages print "截至 …" (services/board/routes.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DECISIONS, MOTIONS, PETITIONS } from '../../../projections/assembly/index.js';
import { HIRING_CONTRACTS, HIRING_FEE_ADJUSTMENTS, HIRING_FIRMS, HIRING_SURVEYS, HIRING_TENDERS } from '../../../projections/hiring/index.js';
import type { Projection } from '../../../projections/projection.js';
import { RESIDENTS_MEETINGS, RESIDENTS_REQUESTS } from '../../../projections/residents/index.js';
import { asOfWire, requestedAsOf } from '../../board/asOfQuery.js';
import type { ReadView } from '../../projections/readStore.js';
import type { EventStore } from '../../store/port.js';
import type { DeadlineSource } from '../../platform/deadlines.js';
import { HttpProblem } from '../problem.js';
import { compoundAsOf, type CompoundAsOf } from './compoundAsOf.js';
import { currentView as current } from './currentView.js';
import { DEFAULT_SNAPSHOTS, SnapshotShelf } from './snapshots.js';
import type { SnapshotTable } from './snapshotTable.js';

// The registry's state as of the point: services/registry/asOf.ts, declared by its module (`timeTravel`).
export { viewAsOf } from './currentView.js';

/**
 * Collections of parties, not of one compound (schemasH): a firm (物业服务企业) bids and serves in many compounds
 * and its events name none, so a compound's past never holds it; read live. A firm a past document names was
 * registered before it, and its name never changes (domain/hiring/firm.ts).
 */
const PARTIES: ReadonlySet<string> = new Set([HIRING_FIRMS]);

/** A reader whose document queries answer from the request's past view when there is one. */
export function timeTravellingRead(live: ReadView): ReadView {
  return {
    ...live,
    get: (collection, id) => (PARTIES.has(collection) ? live : current.getStore()?.docs ?? live).get(collection, id),
    list: (collection, parent, options) => (PARTIES.has(collection) ? live : current.getStore()?.docs ?? live).list(collection, parent, options),
    count: (collection, parent) => (PARTIES.has(collection) ? live : current.getStore()?.docs ?? live).count(collection, parent),
    command: (id) => live.command(id),
    checkpoint: () => live.checkpoint(),
    projections: () => live.projections(),
    failures: () => live.failures(),
    close: () => live.close(),
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    asOfView?: CompoundAsOf;
  }
  interface FastifyContextConfig {
    /** `self`: the route reads `?asOf=` itself. */
    asOf?: 'self';
  }
}

const asOfParam = (request: FastifyRequest): string | null => {
  const query = request.url.indexOf('?');
  return query < 0 ? null : new URLSearchParams(request.url.slice(query + 1)).get('asOf');
};

/** A small cache: the same compound at the same point is computed once (views of one page, repeated reads). */
function cached(limit: number) {
  const entries = new Map<string, Promise<CompoundAsOf>>();
  return (key: string, compute: () => Promise<CompoundAsOf>): Promise<CompoundAsOf> => {
    const hit = entries.get(key);
    if (hit) return hit;
    const value = compute();
    value.catch(() => entries.delete(key));
    entries.set(key, value);
    if (entries.size > limit) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/** Route parameters naming a record, and the live collection whose document names its compound. */
const RECORDS: readonly (readonly [param: string, collection: string, under?: string])[] = [
  ['motionId', MOTIONS],
  ['contractId', HIRING_CONTRACTS],
  ['tenderId', HIRING_TENDERS],
  ['surveyId', HIRING_SURVEYS],
  ['adjustmentId', HIRING_FEE_ADJUSTMENTS],
  ['decisionId', DECISIONS],
  ['petitionId', PETITIONS],
  // Residents' meetings and requests to convene (居民会议, 召集请求); a committee meeting's id sits under its compound.
  ['meetingId', RESIDENTS_MEETINGS, '/v1/residents/'],
  ['requestId', RESIDENTS_REQUESTS, '/v1/residents/'],
];

function compoundOfRequest(request: FastifyRequest, read: Pick<ReadView, 'get'>): string | null {
  const params = (request.params ?? {}) as Record<string, unknown>;
  if (typeof params.compoundId === 'string') return params.compoundId;
  for (const [param, collection, under] of RECORDS) {
    if (under !== undefined && !(request.routeOptions.url ?? '').startsWith(under)) continue;
    const id = params[param];
    if (typeof id !== 'string') continue;
    const doc = read.get<{ compoundId?: unknown }>(collection, id);
    if (!doc || typeof doc.compoundId !== 'string') throw new HttpProblem(404, 'record_not_found', `No ${param.replace(/Id$/, '')} ${id}`);
    return doc.compoundId;
  }
  return null;
}

/**
 * Views of a compound that are not computed from the log up to a point, and say so. The board's setting
 * (public or not) stays live: it decides who may read the board now, and an answer "as of" would read as if
 * past access rules applied. (The funds, a sub-account, a release and the supervisory trace are the funds'
 * read model, and travel like every other view.)
 */
const LIVE_ONLY: ReadonlySet<string> = new Set(['/v1/compounds/:compoundId/board']);

export function registerTimeTravel(app: FastifyInstance, deps: { store: EventStore; read: ReadView; projections: readonly Projection[]; deadlineSources: readonly DeadlineSource[]; table?: SnapshotTable }): void {
  const cache = cached(32);
  // snap16: backed by the read database's table when given, so the first past view after a start is quick too.
  const snapshots = new SnapshotShelf(deps.table ? { ...DEFAULT_SNAPSHOTS, every: deps.table.options.every } : DEFAULT_SNAPSHOTS, deps.table);
  app.addHook('onClose', () => snapshots.settled());
  // #18: callback style, so that a write pays no promise and turn for a hook only reads need.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.method !== 'GET') return done();
    asOfOf(request).then(() => done(), done);
  });
  const asOfOf = async (request: FastifyRequest): Promise<void> => {
    const text = asOfParam(request);
    if (text === null || request.routeOptions.config?.asOf === 'self') return;
    if (LIVE_ONLY.has(request.routeOptions.url ?? '')) {
      throw new HttpProblem(400, 'as_of_not_supported', `${request.routeOptions.url} shows the present only: it is not computed from the read model's documents`);
    }
    const compoundId = compoundOfRequest(request, deps.read);
    if (compoundId === null) {
      throw new HttpProblem(400, 'as_of_not_supported', 'asOf is taken by the views of a compound (/v1/compounds/{compoundId}/..., /board/{compoundId}/...) and by a motion, its tally and its page');
    }
    const asOf = await requestedAsOf(deps.store, text === '' ? undefined : text);
    if (!asOf) return;
    // Nothing is computed for a caller the handler will turn away (JSON views all need a token; pages may be public).
    if (request.headers.authorization === undefined && !request.url.startsWith('/board/')) return;
    // An instant is cut at the last position recorded by then, so two instants between the same events share one view.
    const view = await cache(`${compoundId}|${asOf.kind === 'position' ? asOf.position : asOf.at.toISOString()}`, () => compoundAsOf(deps.store, deps.projections, compoundId, asOf, deps.deadlineSources, snapshots));
    request.asOfView = view;
  };
  // Callback style, so that the handler runs inside the request's context.
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.asOfView) current.run(request.asOfView, done);
    else done();
  });
  app.addHook('onSend', (request, reply, payload, done) => done(null, request.asOfView ? withAsOf(request, reply, payload) : payload)); // #18: no promise per request
  const withAsOf = (request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown => {
    const view = request.asOfView!;
    reply.header('x-as-of-position', view.position.toString());
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/json') || typeof payload !== 'string' || reply.statusCode >= 300) return payload;
    try {
      const body = JSON.parse(payload) as unknown;
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return payload;
      return JSON.stringify({ ...body, asOf: asOfWire(view) });
    } catch {
      return payload;
    }
  };
}
