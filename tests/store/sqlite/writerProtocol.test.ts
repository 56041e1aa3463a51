/** Issue #18: the appends travel to the writer as one flat array; readAppends gives back exactly what was pushed. */
import { serialize, deserialize } from 'node:v8';
import t from 'tap';
import { pushAppend, readAppends, type FlatAppends, type WireEvent } from '../../../services/store/sqlite/writerProtocol.js';

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
