/**
 * The assembly's notice-board reads document their answers in /docs (services/assembly/viewSchemas.ts), no
 * longer `z.any()`: the tally's two axes, the motion's schedule, the ballot's fields without any person.
 */
import t from 'tap';
import { startTestApi } from '../support/api.js';

type Schema = { properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; type?: string | string[] };

t.test("the motion, tally and ballot reads have response schemas in /docs", async (t) => {
  const api = await startTestApi(t);
  const spec = (await api.call('GET', '/docs/json')).json() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };
  const ok = (path: string): Schema => spec.paths[path]!.get!.responses['200']!.content!['application/json']!.schema;
  const tally = ok('/v1/motions/{motionId}/tally');
  t.same(Object.keys(tally.properties!.eligible!.properties!), ['area', 'headcount'], 'the tally: two axes');
  t.ok(tally.properties!.quorumMet && tally.properties!.needed && tally.properties!.ballots, 'quorum, what is needed, the ballot counts');
  const motion = ok('/v1/motions/{motionId}');
  t.ok(motion.properties!.opensAt && motion.properties!.closesAt && motion.properties!.noticeRunsUntil, 'the motion: its schedule');
  t.ok(ok('/v1/compounds/{compoundId}/motions').properties!.motions!.items!.properties!.motionId, 'the list: motions');
  const ballot = ok('/v1/motions/{motionId}/ballots/{receipt}');
  t.same(Object.keys(ballot.properties!).sort(), ['area', 'candidates', 'castAt', 'channel', 'choice', 'invalid', 'option', 'receipt', 'status', 'underDispute', 'unitIds'], 'a ballot: no person id, no name');
  t.ok(ok('/v1/motions/{motionId}/ballots').properties!.ballots!.items!.properties!.receipt, 'the ballot list');
});
