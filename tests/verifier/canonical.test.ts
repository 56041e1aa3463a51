/** The verifier's own hash of an event equals the server's chain hash, on real events of every shape. */
import t from 'tap';
import { eventHash as serverHash, GENESIS_HASH } from '../../services/store/hashChain.js';
import { eventHash, GENESIS } from '../../verifier/canonical.js';

t.test('the verifier hashes events as the log does', async (t) => {
  t.equal(GENESIS, GENESIS_HASH);
  const metadata = { commandId: 'c', correlationId: 'r', causationId: 'x', actor: { personId: 'p-1', role: 'owner' }, recordedAt: '2026-03-02T02:00:00.000Z' };
  const datas: unknown[] = [null, {}, { b: 1, a: [1, 'x', { z: null, y: true }], 'é': '面积', '\u0000': 'ctl' }, [], 'text', 3.5, { nested: { deep: [[], {}] }, undef: undefined }];
  for (const [i, data] of datas.entries()) {
    const e = { streamId: `s-${i}`, revision: String(i), prevHash: GENESIS, eventId: `e-${i}`, type: 'T', schemaVersion: 2, data, metadata };
    t.equal(eventHash(e), serverHash(e.streamId, BigInt(i), GENESIS, e), JSON.stringify(data) ?? 'undefined');
  }
});
