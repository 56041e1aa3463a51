import { createHash, randomUUID } from 'node:crypto';
import t from 'tap';
import { canonicalJson, eventHash } from '../../services/store/hashChain.js';
import type { NewEvent } from '../../services/store/port.js';

/** The definition, spelled out: SHA-256 of canonicalJson over the whole object. */
function referenceHash(streamId: string, revision: bigint, prevHash: string, event: NewEvent): string {
  const m = event.metadata;
  const body = canonicalJson({
    prevHash,
    streamId,
    revision: revision.toString(),
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: { commandId: m.commandId, correlationId: m.correlationId, causationId: m.causationId, actor: { personId: m.actor.personId, role: m.actor.role }, recordedAt: m.recordedAt },
  });
  return createHash('sha256').update(body).digest('hex');
}

const metadata = (extra: Record<string, unknown> = {}) =>
  ({ commandId: 'c-1', correlationId: 'k-1', causationId: 'c-1', actor: { personId: 'p-1', role: 'owner' }, recordedAt: '2026-03-02T02:00:00.000Z', ...extra }) as NewEvent['metadata'];

t.test('eventHash equals the hash of the canonical encoding of the whole event', async (t) => {
  const datas: unknown[] = [
    { motionId: 'm', choice: 'for', area: '88.1234', unitIds: ['1-1-101', '1-1-102'] },
    { z: 1, a: { y: [1, 'two', null, { b: true, a: false }], x: '维修资金' }, '\u00e9': 'é', A: 'upper' },
    {},
    [],
    'a string',
    42,
    null,
    { gone: undefined, kept: 0 },
  ];
  for (const [i, data] of datas.entries()) {
    const event: NewEvent = { eventId: randomUUID(), type: 'SomethingHappened', schemaVersion: 1 + i, data, metadata: metadata() };
    t.equal(eventHash('stream-1', BigInt(i), 'f'.repeat(64), event), referenceHash('stream-1', BigInt(i), 'f'.repeat(64), event), `data #${i}`);
  }
  const odd: NewEvent = { eventId: 'e', type: 'T', schemaVersion: 1, data: undefined, metadata: metadata({ requestHash: 'ignored', actor: { personId: 'p', role: undefined } }) };
  t.equal(eventHash('s', 0n, '0'.repeat(64), odd), referenceHash('s', 0n, '0'.repeat(64), odd), 'undefined members omitted, extra metadata not hashed');
});

t.test('the hash format is pinned: a stored chain keeps verifying across releases', async (t) => {
  const event: NewEvent = { eventId: 'e-1', type: 'BallotCast', schemaVersion: 1, data: { choice: 'for', area: '88.50' }, metadata: metadata() };
  t.equal(eventHash('ballot-m-v', 0n, '0'.repeat(64), event), referenceHash('ballot-m-v', 0n, '0'.repeat(64), event));
  t.equal(eventHash('ballot-m-v', 0n, '0'.repeat(64), event), 'ef244e1eee232481f35aa060f8975ff3396635a15c172a152e6e6c08b2050f07', 'the hash of the previous release');
});

t.test('eventHash equals the canonical encoding of the whole event for any metadata members (native fast path or member by member)', async (t) => {
  const fc = (await import('fast-check')).default;
  // Strings and absent members take the fast path; anything else (numbers, bigints, objects) the other.
  const member = fc.oneof(fc.string(), fc.constant(undefined), fc.constant(undefined), fc.integer(), fc.bigInt(), fc.dictionary(fc.string({ maxLength: 3 }), fc.string(), { maxKeys: 3 }));
  const metadataOf = fc.record({ personId: member, role: member, causationId: member, commandId: member, correlationId: member, recordedAt: member, requestHash: member });
  fc.assert(
    fc.property(metadataOf, fc.string(), (m, eventId) => {
      const event = { eventId, type: 'T', schemaVersion: 1, data: { a: 1 }, metadata: { ...m, actor: { personId: m.personId, role: m.role } } } as unknown as NewEvent;
      return eventHash('s', 3n, 'f'.repeat(64), event) === referenceHash('s', 3n, 'f'.repeat(64), event);
    }),
    { numRuns: 2000 },
  );
  t.pass('2,000 random metadata');
});
