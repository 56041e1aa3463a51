/**
 * schemasA: the committee's reads answer through their response schemas (services/committee/viewSchemas.ts)
 * exactly the documents the read model holds, the serializer bypassed: the board (with its open deadlines),
 * every election and the body in charge where there is no OC, live and with `?asOf=` (at the head and halfway
 * through the committee's stream). Called at the end of the committee's API tests, whose states between them
 * reach every branch of the views (filing, removals, demands, absences, members who left, re-election,
 * handover, past terms, ineligible candidates, a PMC and an acting RC).
 */
import type { Test } from 'tap';
import { committeeStreamId } from '../../domain/committee/index.js';
import { COMMITTEE_ACTING, COMMITTEE_BOARDS, COMMITTEE_ELECTIONS, type ElectionDoc } from '../../projections/committee/index.js';
import { compoundAsOf } from '../../services/api/asOf/compoundAsOf.js';
import { currentView } from '../../services/api/asOf/currentView.js';
import { committeeDeadlineKinds } from '../../services/committee/deadlines.js';
import { allProjections } from '../../services/contexts.js';
import { deadlineStatus } from '../../services/platform/deadlines.js';
import type { TestApi } from './api.js';

const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

export async function expectCommitteeReadsWhole(t: Test, api: TestApi, compoundId: string, token: string): Promise<void> {
  const { read, platform, clock, store } = api.runtime.deps;
  const base = `/v1/compounds/${compoundId}/committee`;
  const get = async (path: string) => api.call('GET', `${base}${path}`, { token });
  const kinds: readonly string[] = committeeDeadlineKinds;
  const deadlines = () =>
    platform.deadlines
      .deadlines(compoundId)
      .filter((d) => kinds.includes(d.kind) && d.metAt === null)
      .map((d) => ({ deadlineId: d.deadlineId, kind: d.kind, dueAt: d.dueAt, status: deadlineStatus(d, clock.now()), source: d.source, record: d.record }));
  const withoutAsOf = (body: Record<string, unknown>) => {
    const { asOf: _asOf, ...rest } = body;
    return rest;
  };

  /** Each read at `suffix` against the documents `docs()` reads (the live ones, or a past view's). */
  const compare = async (suffix: string, docs: <T>(f: () => T) => T, label: string) => {
    const board = docs(() => read.get(COMMITTEE_BOARDS, compoundId));
    const r = await get(suffix);
    if (board) {
      t.equal(r.statusCode, 200, `the board${label}: ${r.body.slice(0, 200)}`);
      t.strictSame(withoutAsOf(r.json()), json({ ...board, deadlines: deadlines() }), `the board${label}, whole`);
    } else t.equal(r.statusCode, 404, `no board${label}`);
    const acting = docs(() => read.get(COMMITTEE_ACTING, compoundId));
    const a = await get(`/acting-body${suffix}`);
    if (acting) {
      t.equal(a.statusCode, 200, `the acting body${label}: ${a.body.slice(0, 200)}`);
      t.strictSame(withoutAsOf(a.json()), json(acting), `the acting body${label}, whole`);
    } else t.equal(a.statusCode, 404, `no acting body${label}`);
    for (const e of docs(() => read.list<ElectionDoc>(COMMITTEE_ELECTIONS, compoundId))) {
      const r = await get(`/elections/${e.electionId}${suffix}`);
      t.equal(r.statusCode, 200, `election ${e.electionId}${label}: ${r.body.slice(0, 200)}`);
      t.strictSame(withoutAsOf(r.json()), json(docs(() => read.get(COMMITTEE_ELECTIONS, e.electionId))), `election ${e.electionId} (${e.status})${label}, whole`);
    }
  };

  await compare('', (f) => f(), '');
  const stream = await store.readStream(committeeStreamId(compoundId));
  const points = [...new Set([stream[Math.floor(stream.length / 2)]?.position, await store.headPosition()])].filter((p): p is bigint => p !== undefined);
  for (const position of points) {
    const view = await compoundAsOf(store, allProjections, compoundId, { kind: 'position', position }, platform.deadlineSources);
    await compare(`?asOf=${position}`, (f) => currentView.run(view, f), ` as of ${position}`);
  }
}
