/** Issue #18: the appends travel to the writer as one flat array; readAppends gives back exactly what was pushed. */
import { serialize, deserialize } from 'node:v8';
import t from 'tap';
import { forEachOutcome, pushAppend, pushOutcome, readAppends, type FlatAppends, type FlatOutcomes, type WireEvent, type WireFailure } from '../../../services/store/sqlite/writerProtocol.js';

const event = (n: number): WireEvent => ({
  eventId: `e-${n}`,
  type: n % 2 ? 'BallotCast' : 'MotionOpened',
  schemaVersion: n,
  dataJson: `{"n":${n}}`,
  metadataJson: '{}',
  hashHead: `head-${n}`,
  hashTail: `tail-${n}`,
  metadataCanonical: `{"c":${n}}`,
});

t.test('appends of every expectation and event count survive the flat array and the structured clone', async (t) => {
  const appends = [
    { id: 0, streamId: 'motion-a', events: [event(1)], expected: 0n },
    { id: 1, streamId: 'motion-b', events: [], expected: 'any' as const },
    { id: 2, streamId: 'motion-c', events: [event(2), event(3), event(4)], expected: 'no_stream' as const },
    { id: 7, streamId: 'motion-d', events: [event(5)], expected: 'stream_exists' as const },
    { id: 8, streamId: 'motion-e', events: [event(6)], expected: 12345678901234567890n },
  ];
  const flat: FlatAppends = [];
  for (const a of appends) pushAppend(flat, a.id, a.streamId, a.events, a.expected);
  t.same(readAppends(deserialize(serialize(flat)) as FlatAppends), appends);
  t.same(readAppends([]), [], 'an empty message has no appends');
});

t.test('outcomes of every kind survive the flat array and the structured clone, in order', async (t) => {
  const failures: WireFailure[] = [
    { kind: 'conflict', streamId: 'motion-a', expected: 'no_stream', actual: 3n },
    { kind: 'conflict', streamId: 'motion-b', expected: 7n, actual: 'no_stream' },
    { kind: 'constraint', message: 'UNIQUE constraint failed: events.event_id', code: 'SQLITE_CONSTRAINT_UNIQUE' },
    { kind: 'unavailable', message: 'disk I/O error' },
  ];
  const outcomes = [
    { id: 0, ok: true as const, result: { nextExpectedRevision: 0n, position: 1n, hash: 'a'.repeat(64) } },
    { id: 1, ok: false as const, failure: failures[0]! },
    { id: 2, ok: true as const, result: { nextExpectedRevision: -1n, position: 0n, hash: '' } }, // no events
    { id: 3, ok: false as const, failure: failures[1]! },
    { id: 4, ok: false as const, failure: failures[2]! },
    { id: 9, ok: true as const, result: { nextExpectedRevision: 12345678901234567890n, position: 98765432109876543210n, hash: 'f'.repeat(64) } },
    { id: 10, ok: false as const, failure: failures[3]! },
  ];
  const flat: FlatOutcomes = [];
  for (const { id, ...o } of outcomes) pushOutcome(flat, id, o);
  const seen: unknown[] = [];
  forEachOutcome(deserialize(serialize(flat)) as FlatOutcomes, (id, result, failure) => {
    seen.push(result !== undefined ? { id, ok: true, result } : { id, ok: false, failure });
  });
  t.same(seen, outcomes);
  forEachOutcome([], () => t.fail('an empty message has no outcomes'));
});
