import t from 'tap';
import { canonicalJson, canonicalPlainJson, eventHashParts } from '../../../services/store/hashChain.js';
import type { NewEvent } from '../../../services/store/port.js';
import { encodeEvents } from '../../../services/store/sqlite/encode.js';

/** What encodeEvents hashed before #18's fast path: everything through its JSON round trip. */
function reference(streamId: string, event: NewEvent) {
  const metadata = JSON.parse(JSON.stringify(event.metadata)) as NewEvent['metadata'];
  const data = JSON.parse(JSON.stringify(event.data)) as unknown;
  const parts = eventHashParts(streamId, { ...event, data, metadata });
  return { hashHead: parts.head, hashTail: parts.tail, metadataCanonical: canonicalJson(metadata) };
}

const metadata = (extra: Record<string, unknown> = {}) =>
  ({ commandId: 'c-1', correlationId: 'k-1', causationId: 'c-1', actor: { personId: 'p-1', role: 'owner' }, recordedAt: '2026-03-02T02:00:00.000Z', ...extra }) as NewEvent['metadata'];

class Point {
  constructor(readonly x: number) {}
}
const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { b: 1, a: 'x' });

const plain: unknown[] = [
  { motionId: 'm', choice: 'for', area: '88.1234', unitIds: ['1-1-101', '1-1-102'] },
  { z: 1, a: { y: [1, 'two', null, { b: true, a: false }], x: '维修资金' }, '\u00e9': 'é', A: 'upper', q: 'say "hi"\n\\' },
  { gone: undefined, kept: 0, neg: -0, big: 1e21, tiny: 5e-324, lone: '\ud800' },
  nullProto,
  {},
  [],
  'a string',
  42,
  null,
  false,
];
const notPlain: unknown[] = [
  { when: new Date('2026-01-02T03:04:05.000Z') },
  { list: [1, undefined] },
  // eslint-disable-next-line no-sparse-arrays
  { holes: [1, , 3] },
  { n: Number.NaN },
  { inf: Number.POSITIVE_INFINITY },
  { custom: { toJSON: () => 'replaced' } },
  { hidden: Object.defineProperty({ a: 1 }, 'toJSON', { value: () => 'replaced', enumerable: false }) },
  { point: new Point(1) },
  { boxed: new String('s') },
  { fn: () => 1 },
];

t.test('canonicalPlainJson: the canonical JSON of the round trip for plain data, undefined for anything the round trip would change', async (t) => {
  for (const [i, v] of plain.entries()) t.equal(canonicalPlainJson(v), canonicalJson(JSON.parse(JSON.stringify(v))), `plain #${i}`);
  for (const [i, v] of notPlain.entries()) t.equal(canonicalPlainJson(v), undefined, `not plain #${i}`);
  t.equal(canonicalPlainJson(undefined), undefined);
  t.equal(canonicalPlainJson(1n), undefined);
});

t.test('encodeEvents hashes exactly what a read returns, with or without the fast path', async (t) => {
  const datas = [...plain, ...notPlain.filter((d) => !JSON.stringify(d).includes('"fn"'))];
  for (const [i, data] of datas.entries()) {
    for (const meta of [metadata(), metadata({ requestHash: 'h', when: new Date(0) }), metadata({ actor: { personId: 'p', role: undefined } })]) {
      const event: NewEvent = { eventId: `e-${i}`, type: 'SomethingHappened', schemaVersion: 1, data, metadata: meta };
      const [encoded] = encodeEvents('stream-1', [event]);
      t.match(encoded, reference('stream-1', event), `data #${i}`);
      t.equal(encoded!.dataJson, JSON.stringify(data));
    }
  }
});

t.test('encodeEvents takes its copy at once: a caller mutating its objects afterwards changes nothing', async (t) => {
  const data = { list: ['a'], n: 1 };
  const meta = metadata();
  const event: NewEvent = { eventId: 'e', type: 'T', schemaVersion: 1, data, metadata: meta };
  const expected = reference('s', event);
  const [encoded] = encodeEvents('s', [event]);
  data.list.push('b');
  data.n = 2;
  (meta.actor as { personId: string }).personId = 'someone else';
  t.match(encoded, expected);
});

t.test('canonicalPlainJson equals canonicalJson of the round trip for any JSON value (fast path and piece by piece)', async (t) => {
  const fc = (await import('fast-check')).default;
  // Keys that start with a digit or are "__proto__" take the piece-by-piece path; the others the fast one.
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', 'A', 'é', '1', '10', '9', '__proto__', 'toString', ''));
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 4 }),
      fc.dictionary(key, fc.oneof(tie('v'), fc.constant(undefined)), { maxKeys: 6 }),
    ),
  })).v;
  fc.assert(
    fc.property(value, (v) => canonicalPlainJson(v) === canonicalJson(JSON.parse(JSON.stringify(v)))),
    { numRuns: 2000 },
  );
  t.pass('2,000 random values');
  // A planted difference is caught: the same key order check without the sort would fail here.
  t.equal(canonicalPlainJson({ b: 1, a: { d: [{ z: 0, y: 1 }], c: 2 } }), '{"a":{"c":2,"d":[{"y":1,"z":0}]},"b":1}');
  t.equal(canonicalPlainJson({ 10: 'x', 9: 'y', a: 1 }), '{"10":"x","9":"y","a":1}', 'array-index keys sort as strings');
});
